// planer (MIT) ships no type declarations; this is the one function communication uses.
declare module 'planer' {
  export function extractFrom(message: string, contentType: 'text/plain' | 'text/html', dom?: unknown): string;
}
