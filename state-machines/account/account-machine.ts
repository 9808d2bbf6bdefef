// My account: identify -> load loans, holds ready and fees (with whether they block borrowing)
// -> renew one or all (per-item outcomes) -> end the ILS session -> goodbye. Inactivity ends it.
import { assertEvent, assign, setup } from 'xstate';
import { identifyMachine } from '../identify/identify-machine';
import type { IdentifyOutput } from '../identify/identify-types';
import type { CardRead, PatronAccount, RenewOutcome } from '../ports';
import { activityRegion } from '../shared/inactivity';
import { endingState, identifyingState, patronSessionActions } from '../shared/patron-session';
import { notProvidedActor } from '../shared/placeholders';
import type { AccountRules } from '../shared/rules';
import { goodbyeStates, sessionActions, sessionConfig, sessionDelays } from '../shared/session';
import { accountGuards } from './account-guards';
import { applyRenewals, mergeRenewals, renewalHints } from './account-logic';
import {
  ACCOUNT_ACTIVITY,
  renewableLoans,
  type AccountContext,
  type AccountEvent,
  type AccountInput,
  type RenewAllInput,
  type RenewItemInput,
} from './account-types';

export function createAccountMachine(rules: AccountRules) {
  return setup({
    types: {} as { context: AccountContext; events: AccountEvent; input: AccountInput },
    actors: {
      identify: identifyMachine,
      loadAccount: notProvidedActor<PatronAccount, { card: CardRead }>('loadAccount'),
      renewItem: notProvidedActor<RenewOutcome, RenewItemInput>('renewItem'),
      renewAll: notProvidedActor<RenewOutcome[], RenewAllInput>('renewAll'),
      endSession: notProvidedActor<void, { card: CardRead }>('endSession'),
    },
    actions: {
      ...sessionActions<AccountContext, AccountEvent>(),
      ...patronSessionActions<AccountContext, AccountEvent>(),
      acceptPatron: assign((_, output: IdentifyOutput) => (output.identified ? { card: output.card, patron: output.patron } : {})),
      showAccount: assign((_, account: PatronAccount) => ({
        account,
        block: rules.borrowingBlock(account.patron),
        renewable: renewalHints(rules, account),
        renewals: [],
      })),
      markRenewing: assign(({ event }) => {
        assertEvent(event, 'RENEW');
        return { renewing: [event.itemId] };
      }),
      markRenewingAll: assign(({ context }) => ({ renewing: renewableLoans(context).map((loan) => loan.itemId) })),
      applyRenewals: assign(({ context }, outcomes: RenewOutcome[]) => {
        const renewals = mergeRenewals(context.renewals, outcomes);
        if (context.account === null) return { renewals, renewing: [] };
        const account = applyRenewals(context.account, outcomes);
        return { account, renewable: renewalHints(rules, account), renewals, renewing: [] };
      }),
      renewalFailed: assign(({ context }) => ({
        renewals: mergeRenewals(
          context.renewals,
          context.renewing.map((itemId): RenewOutcome => ({ ok: false, itemId, reason: 'unavailable' })),
        ),
        renewing: [],
      })),
    },
    guards: accountGuards,
    delays: sessionDelays,
  }).createMachine({
    id: 'account',
    context: ({ input }) => ({
      config: sessionConfig(input),
      language: input.language ?? 'da',
      initialCard: input.card ?? null,
      card: null,
      patron: null,
      account: null,
      block: null,
      renewable: {},
      renewals: [],
      renewing: [],
      secondsLeft: null,
    }),
    initial: 'session',
    states: {
      session: {
        type: 'parallel',
        exit: 'stopCountdown',
        states: {
          flow: {
            initial: 'identifying',
            on: { SET_LANGUAGE: { actions: 'setLanguage' } },
            states: {
              identifying: identifyingState('account', 'loading'),
              loading: {
                invoke: {
                  src: 'loadAccount',
                  input: ({ context }) => ({ card: context.card as CardRead }),
                  onDone: { target: 'overview', actions: { type: 'showAccount', params: ({ event }) => event.output } },
                  onError: 'unavailable',
                },
                on: { SESSION_TIMEOUT: '#account.ending' },
              },
              unavailable: { on: { DONE: '#account.ending', CANCEL: '#account.ending', SESSION_TIMEOUT: '#account.ending' } },
              overview: {
                on: {
                  RENEW: { guard: 'loanRenewable', target: 'renewing', actions: 'markRenewing' },
                  RENEW_ALL: { guard: 'anyRenewable', target: 'renewingAll', actions: 'markRenewingAll' },
                  DONE: '#account.ending',
                  CANCEL: '#account.ending',
                  SESSION_TIMEOUT: '#account.ending',
                },
              },
              renewing: {
                invoke: {
                  src: 'renewItem',
                  input: ({ context }) => ({ card: context.card as CardRead, itemId: context.renewing[0] ?? '' }),
                  onDone: { target: 'overview', actions: { type: 'applyRenewals', params: ({ event }) => [event.output] } },
                  onError: { target: 'overview', actions: 'renewalFailed' },
                },
                on: { SESSION_TIMEOUT: '#account.ending' },
              },
              renewingAll: {
                invoke: {
                  src: 'renewAll',
                  input: ({ context }) => ({ card: context.card as CardRead, itemIds: context.renewing }),
                  onDone: { target: 'overview', actions: { type: 'applyRenewals', params: ({ event }) => event.output } },
                  onError: { target: 'overview', actions: 'renewalFailed' },
                },
                on: { SESSION_TIMEOUT: '#account.ending' },
              },
            },
          },
          activity: activityRegion(ACCOUNT_ACTIVITY),
        },
      },
      ending: endingState,
      ...goodbyeStates,
    },
  });
}

export type AccountMachine = ReturnType<typeof createAccountMachine>;
