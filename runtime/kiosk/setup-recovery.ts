// Journal recovery at the kiosk: at start, and whenever the ILS comes back online (an undo or a lost
// reply it could not settle before). What it cannot settle is logged for staff.
import { type RecoveryReport } from '../../store/index';
import { type Logger } from '../log';
import { type CirculationDeps } from './circulation';
import { serially } from './circulation-deps';

function reportRecovery(log: Logger, report: RecoveryReport): void {
  if (report.resolved.length || report.unresolved.length) log.info('journal.recovered', { resolved: report.resolved.length, unresolved: report.unresolved.length });
  for (const entry of report.unresolved) log.warn('journal.unresolved', entry);
  for (const entry of report.resolved) if (entry.actions.includes('needs-staff')) log.error('journal.needs-staff', entry);
}

/** Runs recovery now; returns the unsubscribe of the run at every return of the ILS. */
export async function setupJournalRecovery(deps: CirculationDeps): Promise<() => void> {
  const { store, ils, recovery, log } = deps;
  // Under the circulation lock: an entry open because a checkout is in progress is not a crash's.
  const recover = () => serially(deps, () => store.recoverJournal(recovery));
  reportRecovery(log, await recover());
  return ils.link.subscribe((state) => {
    if (state !== 'online') return;
    recover().then(
      (report) => reportRecovery(log, report),
      (error: unknown) => log.error('journal.recovery-failed', { error }),
    );
  });
}
