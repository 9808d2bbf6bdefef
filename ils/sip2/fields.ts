// The variable fields most messages share.
import { many, one } from './spec';

export const AO = one('AO'); // institution id
export const AA = one('AA'); // patron identifier
export const AB = one('AB'); // item identifier
export const AC = one('AC'); // terminal password
export const AD = one('AD'); // patron password (PIN)
export const AF = many('AF'); // screen message
export const AG = many('AG'); // print line
