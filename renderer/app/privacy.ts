// A last guard for texts that come from the runtime (names, titles, masked cards, labels): the
// view never carries a CPR, but if one slipped into a text it is masked before it is shown.
const CPR_LIKE = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}(?!\d)/g;

export function maskCpr(text: string): string {
  return text.replace(CPR_LIKE, '******-****');
}

/** True when `text` holds something shaped like a CPR number (DDMMYY-SSSS, dash optional). */
export function hasCprLike(text: string): boolean {
  return new RegExp(CPR_LIKE.source).test(text);
}
