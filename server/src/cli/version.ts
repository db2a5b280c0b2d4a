declare const __VSAFE_VERSION__: string | undefined;

/** The package version, injected by the bundler; `0.0.0-dev` when run from source. */
export const VERSION = typeof __VSAFE_VERSION__ === 'string' ? __VSAFE_VERSION__ : '0.0.0-dev';

export const INFORMATION_URI = 'https://github.com/vsafe/vsafe';
