/** Another process holds the database: a second server on one data directory would fork live sessions. */
export class DataDirectoryLockedError extends Error {
  constructor(readonly path: string) {
    super(
      `Another Hotseat server is already using ${path}. Stop it first, or give this one its own folder with HOTSEAT_DATA_DIR.`,
    );
    this.name = "DataDirectoryLockedError";
  }
}
