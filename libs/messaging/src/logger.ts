/** The little of a logger that messaging needs (pino's methods fit). */
export interface MessagingLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

const ignore = () => undefined;
export const silentLogger: MessagingLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
