// Every metric the kiosk and the door export on /metrics, with its help text: the fleet's
// dashboards and alert rules (ops/) rely on these names. The step that owns a metric registers it
// from here (`metrics.counter(...DOOR_DECISIONS)`), so each is named once.
type Definition = readonly [name: string, help: string];

// The door
export const DOOR_DECISIONS: Definition = ['kiosk_door_decisions_total', 'Door entry attempts by decision and reason'];
export const DOOR_LOCK_FAILURES: Definition = ['kiosk_door_lock_failures_total', 'Allowed entries whose relay did not switch on (an alarm)'];
export const DOOR_CONTACT_EVENTS: Definition = ['kiosk_door_contact_events_total', 'Door contact events (opened, forced open, held open too long)'];
export const ACCESS_LOG_WRITE_FAILURES: Definition = ['kiosk_access_log_write_failures_total', 'Access-log rows that could not be written (an alarm)'];
export const ACCESS_LOG_WRITABLE: Definition = ['kiosk_access_log_writable', 'The access log can be written (1) or not (0): at 0 the door opens for nobody'];

// The kiosk
export const CIRCULATION_PROBLEMS: Definition = ['kiosk_circulation_problems_total', 'Checkouts and returns that failed at the kiosk, by what happened'];
export const PRINTER_PAPER: Definition = ['kiosk_printer_paper', 'Receipt printer paper state (1 for the current state)'];

// Both
export const DEVICE_CONNECTED: Definition = ['kiosk_device_connected', 'Device connected (1) or not (0)'];
export const ILS_ONLINE: Definition = ['kiosk_ils_online', 'ILS link online (1) or offline (0)'];
export const ILS_REQUEST_SECONDS: Definition = ['kiosk_ils_request_seconds', 'ILS round trips by operation and outcome'];
export const ILS_REQUEST_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
export const OFFLINE_QUEUE_LENGTH: Definition = ['kiosk_offline_queue_length', 'Offline transactions waiting for replay'];
export const OFFLINE_REPLAY_REFUSED: Definition = ['kiosk_offline_replay_refused_total', 'Offline transactions the ILS refused at replay (an alarm: a loan may be missing)'];
export const PURGED_ROWS: Definition = ['kiosk_purged_rows_total', 'Expired personal data deleted, by table'];
