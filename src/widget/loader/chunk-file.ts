// The form chunk's file name, content-hashed: vite.config.ts builds the chunk first and defines
// __ELEAPI_FORM_CHUNK__ for the loader's build. Unit tests run unbuilt and inject the chunk.
declare const __ELEAPI_FORM_CHUNK__: string | undefined;

export const FORM_CHUNK_FILE: string =
  typeof __ELEAPI_FORM_CHUNK__ === 'string' ? __ELEAPI_FORM_CHUNK__ : 'eleapi-leads.form.js';
