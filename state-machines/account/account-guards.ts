// Account guards (pure).
import { assertEvent } from 'xstate';
import type { IdentifyOutput } from '../identify/identify-types';
import { inactivityGuards } from '../shared/inactivity';
import { renewableLoans, type AccountContext, type AccountEvent } from './account-types';

interface Args {
  context: AccountContext;
  event: AccountEvent;
}

export const accountGuards = {
  ...inactivityGuards,
  identified: (_: Args, output: IdentifyOutput) => output.identified,
  /** The requested loan is the patron's and the profile would renew it. */
  loanRenewable: ({ context, event }: Args) => {
    assertEvent(event, 'RENEW');
    return renewableLoans(context).some((loan) => loan.itemId === event.itemId);
  },
  anyRenewable: ({ context }: Args) => renewableLoans(context).length > 0,
};
