// Typed errors of the local store: each names what went wrong without any personal data.

export type StoreErrorCode =
  | 'database-newer-than-code'
  | 'database-unusable'
  | 'data-folder-unusable'
  | 'migration-failed'
  | 'bad-setting'
  | 'bad-officer-key'
  | 'bad-config'
  | 'secret-unusable'
  | 'retention-failed';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Something the store repaired or worked around at start-up; the runtime logs it. */
export interface StoreWarning {
  code: 'corrupt-database-moved-aside' | 'secret-permissions-fixed' | 'secret-invalid-moved-aside' | 'secret-moved' | 'no-officer-key';
  message: string;
  /** Where a damaged file now lives, when one was moved aside. */
  movedTo?: string;
}
