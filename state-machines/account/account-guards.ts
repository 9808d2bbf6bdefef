// Account guards (pure).
import { assertEvent } from 'xstate';
import { inactivityGuards } from '../shared/inactivity';
import { patronSessionGuards } from '../shared/patron-session';
import { renewableLoans, type AccountContext, type AccountEvent } from './account-types';

interface Args {
  context: AccountContext;
  event: AccountEvent;
}

export const accountGuards = {
  ...inactivityGuards,
  ...patronSessionGuards,
  /** The requested loan is the patron's and the profile would renew it. */
  loanRenewable: ({ context, event }: Args) => {
    assertEvent(event, 'RENEW');
    return renewableLoans(context).some((loan) => loan.itemId === event.itemId);
  },
  anyRenewable: ({ context }: Args) => renewableLoans(context).length > 0,
};
