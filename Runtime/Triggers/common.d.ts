/** An identity linked to the user. */
declare interface Identity {
  /** The connection name. */ connection: string;
  /** The identity provider, e.g. `auth0` or `google-oauth2`. */ provider: string;
  /** The user id at the provider. */ user_id: string;
  /** True for social identities. */ isSocial: boolean;
  /** Profile data from the provider (secondary identities). */ profileData?: Record<string, unknown>;
}

/** A user profile. Only `user_id` is guaranteed. */
declare interface User {
  /** The user's unique id, e.g. `auth0|5f7c8ec7c33c6c004bbafe82`. */ user_id: string;
  /** The email address. */ email?: string;
  /** Whether the email address is verified. */ email_verified: boolean;
  /** The username. */ username?: string;
  /** The full name. */ name?: string;
  /** The nickname. */ nickname?: string;
  /** The given name. */ given_name?: string;
  /** The family name. */ family_name?: string;
  /** A URL of the user's picture. */ picture?: string;
  /** The phone number. */ phone_number?: string;
  /** Whether the phone number is verified. */ phone_verified?: boolean;
  /** When the user was created (ISO 8601). */ created_at: string;
  /** When the user was last updated (ISO 8601). */ updated_at: string;
  /** When the password was last reset (ISO 8601). */ last_password_reset?: string;
  /** Metadata the user cannot change; change it with `api.user.setAppMetadata`. */ app_metadata: Record<string, unknown>;
  /** Metadata the user may change; change it with `api.user.setUserMetadata`. */ user_metadata: Record<string, unknown>;
  /** The linked identities. */ identities: Identity[];
  /** The MFA factors the user enrolled. */ enrolledFactors?: { type: string; options?: Record<string, unknown> }[];
  /** Legacy list of MFA providers. */ multifactor?: string[];
}

/** The user being registered; there is no `user_id` yet. */
declare interface NewUser {
  /** The email address. */ email?: string;
  /** The username. */ username?: string;
  /** The full name. */ name?: string;
  /** The nickname. */ nickname?: string;
  /** The given name. */ given_name?: string;
  /** The family name. */ family_name?: string;
  /** A URL of the user's picture. */ picture?: string;
  /** The phone number. */ phone_number?: string;
  /** Metadata the user may change. */ user_metadata?: Record<string, unknown>;
  /** Metadata the user cannot change. */ app_metadata?: Record<string, unknown>;
}

/** The user whose password changed. */
declare interface PasswordChangeUser {
  /** The user's id. */ user_id?: string;
  /** The email address. */ email?: string;
  /** Whether the email is verified. */ email_verified?: boolean;
  /** The phone number. */ phone_number?: string;
  /** Whether the phone number is verified. */ phone_verified?: boolean;
  /** The username. */ username?: string;
  /** When the password was last reset. */ last_password_reset?: string;
}

/** The application. */
declare interface Client {
  /** The client id. */ client_id: string;
  /** The application name. */ name: string;
  /** Metadata of the application. */ metadata: Record<string, string>;
}

/** The connection. For social connections `strategy === name`. */
declare interface Connection {
  /** The connection id. */ id: string;
  /** The connection name. */ name: string;
  /** The strategy, e.g. `auth0`, `google-oauth2`, `waad`. */ strategy: string;
  /** Metadata of the connection. */ metadata?: Record<string, string>;
}

/** Geographic data for the request's IP address. */
declare interface GeoIp {
  /** City. */ cityName?: string;
  /** Continent code, e.g. `NA`. */ continentCode?: string;
  /** ISO country code. */ countryCode?: string;
  /** ISO-3 country code. */ countryCode3?: string;
  /** Country name. */ countryName?: string;
  /** Latitude. */ latitude?: number;
  /** Longitude. */ longitude?: number;
  /** IANA time zone. */ timeZone?: string;
  /** Region name. */ subdivisionName?: string;
}

/** The HTTP request. */
declare interface RequestDetails {
  /** The client's IP address. */ ip: string;
  /** The HTTP method. */ method: string;
  /** The host name. */ hostname?: string;
  /** The preferred language. */ language?: string;
  /** The user agent. */ user_agent?: string;
  /** The autonomous system number. */ asn?: string;
  /** The query parameters. */ query: Record<string, unknown>;
  /** The body parameters. */ body: Record<string, unknown>;
  /** Location data. */ geoip: GeoIp;
}

/** The login transaction. */
declare interface Transaction {
  /** The transaction id. */ id?: string;
  /** Requested ACR values. */ acr_values: string[];
  /** The locale. */ locale: string;
  /** The login hint. */ login_hint?: string;
  /** The prompt values. */ prompt?: string[];
  /** The protocol, e.g. `oidc-basic-profile`, `oauth2-refresh-token`, `samlp`. */ protocol?: string;
  /** The redirect URI. */ redirect_uri?: string;
  /** The requested scopes. */ requested_scopes: string[];
  /** `query`, `fragment`, `form_post` or `web_message`. */ response_mode?: string;
  /** The response types. */ response_type?: string[];
  /** The application's state. */ state?: string;
  /** UI locales. */ ui_locales: string[];
  /** A correlation id. */ correlation_id?: string;
  /** Metadata set with `api.transaction.setMetadata`. */ metadata: Record<string, string | number | boolean>;
}

/** An organization. */
declare interface Organization {
  /** The organization id. */ id: string;
  /** The organization name. */ name: string;
  /** The display name. */ display_name: string;
  /** Metadata of the organization. */ metadata: Record<string, string>;
}

/** How the user authenticated. */
declare interface Authentication {
  /** The methods used, e.g. `{ name: 'pwd', timestamp }`. */ methods: { name: string; timestamp: string; type?: string }[];
  /** Risk assessment results. */ riskAssessment?: Record<string, unknown>;
}

/** The session. */
declare interface Session {
  /** The session id. */ id: string;
  /** The user id. */ user_id?: string;
  /** When the session was created. */ created_at?: string;
  /** When the user last authenticated. */ authenticated_at?: string;
  /** Absolute expiry. */ expires_at?: string;
  /** Idle expiry. */ idle_expires_at?: string;
  /** Device details. */ device?: Record<string, unknown>;
  /** Metadata of the session. */ metadata?: Record<string, string>;
}

/** The message the send-phone-message Action must deliver. */
declare interface MessageOptions {
  /** Enrollment or challenge. */ action: 'enrollment' | 'second-factor-authentication';
  /** The one-time code. */ code: string;
  /** `sms` or `voice`. */ message_type: 'sms' | 'voice';
  /** The phone number. */ recipient: string;
  /** The full message body. */ text: string;
}

/** An MFA factor, e.g. `{ type: 'otp' }` or `{ type: 'phone', options: { preferredMethod: 'sms' } }`. */
declare interface FactorSelector {
  /** `otp`, `email`, `webauthn-platform`, `webauthn-roaming`, `recovery-code`, `phone`, `push` or `push-notification`. */
  type: 'otp' | 'email' | 'webauthn-platform' | 'webauthn-roaming' | 'recovery-code' | 'phone' | 'push' | 'push-notification';
  /** Factor options (`preferredMethod` for phone, `otpFallback` for push). */
  options?: Record<string, unknown>;
}

/** Options of `api.multifactor.enable`. */
declare interface MultifactorEnableOptions {
  /** Let the user skip MFA on this browser next time (default false). */ allowRememberBrowser?: boolean;
  /** Duo settings. */ providerOptions?: { host: string; ikey: string; skey: string; username?: string };
}

/** A cache record. */
declare interface CacheRecord {
  /** The stored value. */ value: string;
  /** Expiry as a timestamp in milliseconds. */ expires_at: number;
}

/** Options of `api.cache.set`. */
declare interface CacheSetOptions {
  /** Time to live in milliseconds (default 15 minutes). */ ttl?: number;
  /** Absolute expiry in milliseconds. */ expires_at?: number;
}

/** The result of a cache write. */
declare type CacheWriteResult =
  | { type: 'success'; record?: CacheRecord }
  | { type: 'error'; code: 'CacheKeySizeExceeded' | 'CacheValueSizeExceeded' | 'CacheSizeExceeded' | 'InvalidExpiry' | 'CacheKeyDoesNotExist' };

/** Node's Buffer as Actions have it: a Uint8Array with Node's encodings (utf8, hex, base64, base64url, latin1). */
declare interface Buffer extends Uint8Array {
  toString(encoding?: string, start?: number, end?: number): string;
  equals(other: Uint8Array): boolean;
  compare(other: Uint8Array): number;
  copy(target: Uint8Array, targetStart?: number, sourceStart?: number, sourceEnd?: number): number;
  write(text: string, offset?: number): number;
  slice(start?: number, end?: number): Buffer;
  subarray(start?: number, end?: number): Buffer;
  toJSON(): { type: 'Buffer'; data: number[] };
}
declare const Buffer: {
  from(value: string, encoding?: string): Buffer;
  from(value: ArrayBuffer | ArrayLike<number>, byteOffset?: number, length?: number): Buffer;
  alloc(size: number, fill?: number | string): Buffer;
  allocUnsafe(size: number): Buffer;
  isBuffer(value: unknown): value is Buffer;
  byteLength(value: string | ArrayBufferView, encoding?: string): number;
  concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
};

/** Node's process as Actions have it: the host's environment never reaches an Action (`env` is empty), and it cannot exit. */
declare const process: {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
  readonly versions: { readonly node: string };
  readonly platform: string;
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  hrtime(): [number, number];
};


// `require` of the Node built-ins Actions have: untyped, rather than "Cannot find module".
declare module 'crypto' { const crypto: any; export = crypto; }
declare module 'url' { const url: any; export = url; }
declare module 'util' { const util: any; export = util; }
declare module 'buffer' { const buffer: any; export = buffer; }
declare module 'events' { const events: any; export = events; }
declare module 'stream' { const stream: any; export = stream; }

// The sandbox's globals (Sandbox/Scripts/harden.js). The editor loads ES libraries only, not the browser's DOM
// library: the DOM's own `Event` would merge into the trigger's `Event` and offer `bubbles` on an Action's event.
declare interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
}
declare const console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setImmediate(handler: (...args: any[]) => void, ...args: any[]): number;
declare function clearImmediate(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare class TextEncoder { encode(input?: string): Uint8Array; }
declare class TextDecoder { constructor(label?: string); decode(input?: ArrayBufferView | ArrayBuffer): string; }
declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | [string, string][]);
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  toString(): string;
  forEach(callback: (value: string, key: string) => void): void;
}
declare class URL {
  constructor(url: string, base?: string | URL);
  hash: string; host: string; hostname: string; href: string; readonly origin: string; password: string;
  pathname: string; port: string; protocol: string; search: string; readonly searchParams: URLSearchParams; username: string;
  toString(): string;
  toJSON(): string;
}
declare class AbortSignal { readonly aborted: boolean; readonly reason: any; static timeout(milliseconds: number): AbortSignal; }
declare class AbortController { readonly signal: AbortSignal; abort(reason?: any): void; }
declare class Headers {
  constructor(init?: Record<string, string> | [string, string][] | Headers);
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  forEach(callback: (value: string, key: string) => void): void;
}
declare interface RequestInit {
  method?: string;
  headers?: Record<string, string> | [string, string][] | Headers;
  body?: string | Uint8Array | URLSearchParams | null;
  signal?: AbortSignal;
  redirect?: 'follow' | 'error' | 'manual';
}
declare class Response {
  readonly ok: boolean; readonly status: number; readonly statusText: string; readonly headers: Headers; readonly url: string;
  json(): Promise<any>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}
declare function fetch(input: string | URL, init?: RequestInit): Promise<Response>;
