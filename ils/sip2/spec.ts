// The machinery that turns a message description (fixed fields + variable fields) into a
// type. Each message is declared once in messages.ts; its TypeScript type is inferred.
import { type FixedCodec } from './fixed';

/** A variable field as it was on the wire: two-character code and value. */
export interface Sip2Field {
  code: string;
  value: string;
}

export interface FieldSpec<R extends boolean = boolean> {
  readonly code: string;
  /** Repeatable fields (screen messages, item lists) are arrays, in the order received. */
  readonly repeat: R;
}

export const one = (code: string): FieldSpec<false> => ({ code, repeat: false });
export const many = (code: string): FieldSpec<true> => ({ code, repeat: true });

// `unknown` here would reject the concrete codecs (their decode takes a narrower value).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFixedCodec = FixedCodec<any>;
export type FixedSpecs = Record<string, AnyFixedCodec>;
export type FieldSpecs = Record<string, FieldSpec>;

export interface MessageSpec<C extends string = string, F extends FixedSpecs = FixedSpecs, V extends FieldSpecs = FieldSpecs> {
  readonly code: C;
  readonly name: string;
  readonly fixed: F;
  readonly fields: V;
}

export function message<const C extends string, F extends FixedSpecs, V extends FieldSpecs>(
  code: C,
  name: string,
  fixed: F,
  fields: V,
): MessageSpec<C, F, V> {
  return { code, name, fixed, fields };
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type FixedValues<F extends FixedSpecs> = { [K in keyof F]: F[K] extends FixedCodec<infer T> ? T : never };
type SingleFields<V extends FieldSpecs> = { [K in keyof V as V[K] extends FieldSpec<false> ? K : never]?: string };
type RepeatedFields<V extends FieldSpecs> = { [K in keyof V as V[K] extends FieldSpec<true> ? K : never]?: string[] };

/**
 * The typed message of a spec: `code`, every fixed field, the known variable fields by name
 * (absent when not sent), and `extra`: unknown fields, and second copies of a single field,
 * kept in the order received so nothing an ACS sends is dropped.
 */
export type MessageOf<S> =
  S extends MessageSpec<infer C, infer F, infer V>
    ? Simplify<{ code: C } & FixedValues<F> & SingleFields<V> & RepeatedFields<V> & { extra?: Sip2Field[] }>
    : never;

export function fixedLength(spec: MessageSpec): number {
  return Object.values(spec.fixed).reduce((sum, codec) => sum + codec.length, 0);
}
