// Journal recovery at the kiosk: at start, and whenever the ILS comes back online (an undo or a lost
// reply it could not settle before). What it cannot settle is logged for staff.
import { type RecoveryReport } from '../../store/index';
import { type Logger } from '../log';
import { type CirculationDeps } from './circulation';

function reportRecovery(log: Logger, report: RecoveryReport): void {
  if (report.resolved.length || report.unresolved.length) log.info('journal.recovered', { resolved: report.resolved.length, unresolved: report.unresolved.length });
  for (const entry of report.unresolved) log.warn('journal.unresolved', entry);
  for (const entry of report.resolved) if (entry.actions.includes('needs-staff')) log.error('journal.needs-staff', entry);
}

/** Runs recovery now; returns the unsubscribe of the run at every return of the ILS. */
export async function setupJournalRecovery({ store, ils, recovery, log }: CirculationDeps): Promise<() => void> {
  reportRecovery(log, await store.recoverJournal(recovery));
  return ils.link.subscribe((state) => {
    if (state !== 'online') return;
    store.recoverJournal(recovery).then(
      (report) => reportRecovery(log, report),
      (error: unknown) => log.error('journal.recovery-failed', { error }),
    );
  });
}
