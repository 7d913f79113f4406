export * from './one-site.ts';
export * from './site.ts';
export * from './site-directory.ts';
export * from './sites-file.ts';
export * from './sites-holder.ts';
