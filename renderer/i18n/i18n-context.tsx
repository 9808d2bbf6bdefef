// The translator of the view's language, for every component below the app.
import { createContext, useContext } from 'react';
import { createTranslator, type Translator } from './translate';

export const I18nContext = createContext<Translator>(createTranslator('da'));

export function useI18n(): Translator {
  return useContext(I18nContext);
}
