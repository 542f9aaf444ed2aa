/** Default upload limit: a phone photo fits, a video does not. */
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
