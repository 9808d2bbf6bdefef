// Public API of the state machines (import from 'state-machines/index').
export * from './ports';
export type { Decision, BorrowingBlock, Hours, Now, DoorRules, CheckoutRules, AccountRules } from './shared/rules';
export type { Language, CardReadEvent, PinEvent, TagEvent, DeviceStatusEvent } from './shared/events';
export { DEFAULT_INACTIVITY, type InactivityConfig } from './shared/inactivity';
export { DEFAULT_SESSION_CONFIG, type SessionConfig } from './shared/session';
export type { ItemEntry, ItemStatus } from './shared/items';

export { createDoorMachine, type DoorMachine } from './door/door-machine';
export { DEFAULT_DOOR_CONFIG, type DoorConfig, type DoorInput, type DoorEvent, type DoorOutcome, type DoorMachineReason } from './door/door-types';
export { toDoorView, type DoorView } from './door/door-view';

export { identifyMachine, type IdentifyMachine } from './identify/identify-machine';
export { DEFAULT_IDENTIFY_CONFIG, type IdentifyConfig, type IdentifyOutput, type IdentifyRefusal } from './identify/identify-types';
export { createCheckoutMachine, type CheckoutMachine } from './checkout/checkout-machine';
export type { CheckoutInput, CheckoutEvent, CheckoutItemInput, CheckoutOutput } from './checkout/checkout-types';
export { returnMachine, type ReturnMachine } from './return/return-machine';
export type { ReturnInput, ReturnEvent, CheckinItemInput, ReturnOutput } from './return/return-types';
export { createAccountMachine, type AccountMachine } from './account/account-machine';
export type { AccountInput, AccountEvent, RenewItemInput, RenewAllInput } from './account/account-types';
export { diagnosticsMachine, type DiagnosticsMachine } from './diagnostics/diagnostics-machine';
export { DEFAULT_DIAGNOSTICS_CONFIG, type DiagnosticsConfig, type DiagnosticsInput, type LiveRead, type LockPulseOutcome, type TestResult } from './diagnostics/diagnostics-types';

export { createKioskMachine, type KioskMachine } from './kiosk/kiosk-machine';
export type { KioskInput, KioskRules, TechnicianAnswer } from './kiosk/kiosk-types';
export { isKioskUiEvent, type KioskUiEvent, type KioskRuntimeEvent, type KioskEvent } from './kiosk/kiosk-events';
export { toView, viewInspector } from './kiosk/view';
export type { KioskView, ScreenView, ItemView, ItemViewStatus, LoanView } from './kiosk/view-types';

export { createDoor, createKiosk, type DoorServices, type KioskServices, type VerifyServices } from './machine-services';
export { doorRulesFor, checkoutRulesFor, accountRulesFor, RULES_NOT_APPLIED, type PolicyErrorHook, type ProfileRuleOptions } from './profile-rules';
