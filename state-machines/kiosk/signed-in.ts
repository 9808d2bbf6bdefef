// Who is signed in to the kiosk's current patron session (borrowing, my account), read from the
// session child's snapshot: the card the session identified, and whether its ILS session is
// still open (not yet ending, goodbye or done).
import type { AnyActorRef } from 'xstate';
import type { CardRead } from '../ports';

export interface SignedIn {
  card: CardRead;
  ilsSessionOpen: boolean;
}

const CLOSED = new Set(['ending', 'goodbye', 'done']);

export function signedIn(session: AnyActorRef | undefined): SignedIn | null {
  const snapshot = session?.getSnapshot() as { value?: unknown; context?: { card?: CardRead | null } } | undefined;
  const card = snapshot?.context?.card ?? null;
  if (card === null) return null;
  return { card, ilsSessionOpen: !(typeof snapshot?.value === 'string' && CLOSED.has(snapshot.value)) };
}
