// The sidecar's logger: pino writing JSON lines, with every secret-bearing key censored wherever it
// appears in a logged object (settings, connection options, errors carrying request bodies).
import { pino, type Logger } from 'pino';
import { redactUrl } from './settings.js';

export type { Logger };

/** Keys whose values are secrets outright. */
const SECRET_KEYS = ['password', 'clientSecret', 'client_secret', 'privateKey', 'private_key', 'accessToken', 'access_token', 'refreshToken', 'refresh_token', 'authorization', 'SF_PASSWORD', 'SF_CLIENT_SECRET'];
/** Keys holding URLs that may carry a password (MYSQL_URL): logged with the password masked. */
const URL_KEYS = ['mysqlUrl', 'MYSQL_URL', 'uri'];

/** Censors the keys at the top level and up to two levels down. */
function redactionPaths(keys: string[]): string[] {
  return keys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'forcebridge' },
    redact: {
      paths: [...redactionPaths(SECRET_KEYS), ...redactionPaths(URL_KEYS)],
      censor: (value, path) => {
        const key = path[path.length - 1] ?? '';
        return URL_KEYS.includes(key) && typeof value === 'string' ? redactUrl(value) : '[redacted]';
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
