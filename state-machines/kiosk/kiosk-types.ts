// The kiosk's input, context and rules.
import type { DiagnosticsConfig } from '../diagnostics/diagnostics-types';
import type { CardRead, DeviceState, DiagnosticsSummary, PlacedTag } from '../ports';
import type { Language } from '../shared/events';
import type { AccountRules, CheckoutRules } from '../shared/rules';
import type { SessionConfig } from '../shared/session';

/** The runtime's answer to a technician credential: true opens diagnostics; 'locked' = locked out for now. */
export type TechnicianAnswer = boolean | 'locked';

export type KioskNotice = 'technician-refused' | 'technician-locked';

export interface KioskRules {
  checkout: CheckoutRules;
  account: AccountRules;
}

export interface KioskInput {
  /** Identification, inactivity and goodbye settings for every patron session. */
  session?: Partial<SessionConfig>;
  diagnostics: { summary: DiagnosticsSummary; config?: Partial<DiagnosticsConfig> };
  /** The ILS state at start-up; ILS_ONLINE / ILS_OFFLINE keep it current. */
  online?: boolean;
  /** The language every session starts in (Danish unless configured). */
  language?: Language;
}

export interface KioskContext {
  defaultLanguage: Language;
  language: Language;
  online: boolean;
  devices: DeviceState[];
  /** A card read on the start screen, handed to the session it starts. */
  pendingCard: CardRead | null;
  /** Tags placed on the start screen, handed to the session it starts. */
  padTags: PlacedTag[];
  notice: KioskNotice | null;
  session: Partial<SessionConfig>;
  diagnostics: KioskInput['diagnostics'];
}
