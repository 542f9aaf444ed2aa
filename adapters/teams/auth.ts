import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
} from 'botbuilder';

/** botbuilder's credentials factory port (not re-exported by `botbuilder` itself). */
type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;
type WebResource = Parameters<Credentials['signRequest']>[0];
/** What botbuilder's authentication hands to `processActivity`. */
export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * The public cloud's values (botframework-connector AuthenticationConstants): once one of them is set,
 * botbuilder takes every one from the configuration.
 */
const PUBLIC_CLOUD = {
  loginUrl: 'https://login.microsoftonline.com/botframework.com',
  oauthScope: 'https://api.botframework.com',
  tokenIssuer: 'https://api.botframework.com',
  oauthUrl: 'https://api.botframework.com',
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  emulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
};
/** Login hosts MSAL serves; any other login URL (a stand-in) gets the plain client-credentials grant below. */
const MSAL_LOGIN_PREFIXES = ['https://login.microsoftonline.com/', 'https://login.microsoftonline.us/'];

/** The Bot Framework identity of the bot: SPEC section 4's MicrosoftApp* variables. */
export interface TeamsAuthOptions {
  /** MicrosoftAppId; without it requests are not authenticated, which needs `allowUnauthenticated`. */
  appId?: string;
  /** MicrosoftAppPassword (not for UserAssignedMSI). */
  appPassword?: string;
  /** MicrosoftAppType (default MultiTenant). */
  appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** MicrosoftAppTenantId: required for SingleTenant and UserAssignedMSI. */
  tenantId?: string;
  /** TEAMS_ENABLED=1 without an app id: local tools only. */
  allowUnauthenticated?: boolean;
  /** TEAMS_OPENID_METADATA_URL: where the channel's signing keys are published (botbuilder's ToBotFromChannelOpenIdMetadataUrl). */
  openIdMetadataUrl?: string;
  /** Where the bot gets its own tokens (botbuilder's ToChannelFromBotLoginUrl); tests point it at the stand-in. */
  loginUrl?: string;
  /** The audience of the bot's own tokens (botbuilder's ToChannelFromBotOAuthScope). */
  oauthScope?: string;
}

/** Inbound verification and outbound credentials for one bot identity. */
export interface TeamsAuth {
  readonly authentication: ConfigurationBotFrameworkAuthentication;
  /** The app id, '' when unauthenticated. */
  readonly appId: string;
  /** The audience of outbound calls. */
  readonly audience: string;
  /** Verifies an inbound request's bearer token; throws TeamsAuthError. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult>;
  /** The bot's bearer token for the Bot Connector (downloading inline images), null when unauthenticated. */
  token(): Promise<string | null>;
}

/** An inbound request was refused (401) or could not be checked (503: signing keys unreachable). */
export class TeamsAuthError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 503,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TeamsAuthError';
  }
}

/** Builds botbuilder's authentication from the MicrosoftApp* settings; throws on an incomplete configuration. */
export function createTeamsAuth(opts: TeamsAuthOptions): TeamsAuth {
  const appId = opts.appId?.trim() ?? '';
  const appType = opts.appType ?? 'MultiTenant';
  if (!appId && !opts.allowUnauthenticated) throw new Error('MicrosoftAppId: required to run Teams (or TEAMS_ENABLED=1 for local tools)');
  if (appId && appType !== 'MultiTenant' && !opts.tenantId) throw new Error(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType}`);
  if (appId && appType !== 'UserAssignedMSI' && !opts.appPassword) throw new Error(`MicrosoftAppPassword: required when MicrosoftAppType is ${appType}`);
  if (appId && appType === 'UserAssignedMSI' && opts.appPassword) throw new Error('MicrosoftAppPassword: must not be set when MicrosoftAppType is UserAssignedMSI');
  const audience = opts.oauthScope ?? PUBLIC_CLOUD.oauthScope;
  const loginUrl = opts.loginUrl ?? PUBLIC_CLOUD.loginUrl;
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppType: appType,
    ...(opts.appPassword ? { MicrosoftAppPassword: opts.appPassword } : {}),
    ...(opts.tenantId ? { MicrosoftAppTenantId: opts.tenantId } : {}),
  };
  const configured = new ConfigurationServiceClientCredentialFactory(settings);
  const custom = !MSAL_LOGIN_PREFIXES.some((p) => loginUrl.toLowerCase().startsWith(p));
  // MSAL refuses non-https authorities, so a stand-in's login URL gets a plain OAuth client-credentials grant.
  const factory: CredentialsFactory =
    custom && appId && appType !== 'UserAssignedMSI' ? createClientCredentialsFactory(appId, opts.appPassword ?? '', configured) : configured;
  const parameterized = opts.openIdMetadataUrl || opts.loginUrl || opts.oauthScope;
  const authentication = new ConfigurationBotFrameworkAuthentication(
    parameterized
      ? {
          ...settings,
          ToBotFromChannelOpenIdMetadataUrl: opts.openIdMetadataUrl ?? PUBLIC_CLOUD.openIdMetadataUrl,
          ToChannelFromBotLoginUrl: loginUrl,
          ToChannelFromBotOAuthScope: audience,
          ToBotFromChannelTokenIssuer: PUBLIC_CLOUD.tokenIssuer,
          OAuthUrl: PUBLIC_CLOUD.oauthUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: PUBLIC_CLOUD.emulatorOpenIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
          ValidateAuthority: true,
        }
      : settings,
    factory,
  );

  return {
    authentication,
    appId,
    audience,
    async authenticate(activity, authorization) {
      try {
        return await authentication.authenticateRequest(activity, authorization);
      } catch (err) {
        // Signing keys that cannot be fetched are our outage, not a forged request: the channel should retry.
        const status = (err as { statusCode?: number }).statusCode;
        const unreachable = (status !== undefined && status >= 500) || (err as Error).name === 'FetchError';
        throw new TeamsAuthError(err instanceof Error ? err.message : String(err), unreachable ? 503 : 401, { cause: err });
      }
    },
    async token() {
      if (await factory.isAuthenticationDisabled()) return null;
      const credentials = await factory.createCredentials(appId, audience, loginUrl, true);
      let header: string | null = null;
      const collector = { headers: { set: (name: string, value: string) => void (name.toLowerCase() === 'authorization' && (header = value)) } };
      await credentials.signRequest(collector as unknown as WebResource);
      const value = header as string | null;
      return value ? value.replace(/^Bearer\s+/i, '') : null;
    },
  };
}

interface CachedToken {
  token: string;
  until: number;
}

/**
 * OAuth 2.0 client-credentials grant at `<loginUrl>/oauth2/v2.0/token` (what MSAL does against Entra ID),
 * with the token kept until a minute before it expires.
 */
function createClientCredentialsFactory(appId: string, password: string, base: CredentialsFactory): CredentialsFactory {
  const cache = new Map<string, Promise<CachedToken>>();

  async function fetchToken(loginUrl: string, scope: string): Promise<CachedToken> {
    const res = await fetch(`${loginUrl.replace(/\/+$/, '')}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: appId, client_secret: password, scope }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (!res.ok || typeof body.access_token !== 'string') throw new Error(`token request refused: ${res.status}`);
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
    return { token: body.access_token, until: Date.now() + Math.max(0, seconds - 60) * 1000 };
  }

  async function tokenFor(loginUrl: string, audience: string): Promise<string> {
    const scope = audience.endsWith('/.default') ? audience : `${audience}/.default`;
    const key = `${loginUrl}\n${scope}`;
    const cached = cache.get(key);
    if (cached) {
      const t = await cached.catch(() => null);
      if (t && t.until > Date.now()) return t.token;
    }
    const pending = fetchToken(loginUrl, scope);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
    return (await pending).token;
  }

  return {
    isValidAppId: (id: string) => base.isValidAppId(id),
    isAuthenticationDisabled: () => base.isAuthenticationDisabled(),
    async createCredentials(id: string, audience: string | undefined, loginEndpoint: string) {
      if (!(await base.isValidAppId(id))) throw new Error('Invalid appId.');
      return {
        async signRequest(webResource: WebResource) {
          webResource.headers.set('authorization', `Bearer ${await tokenFor(loginEndpoint, audience ?? PUBLIC_CLOUD.oauthScope)}`);
          return webResource;
        },
      };
    },
  };
}
