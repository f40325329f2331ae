/**
 * Reads the examples out of the service's public tutorial (a Markdown page of steps): per step heading, the
 * JSON answers shown in ```json blocks, the JSON bodies the curl calls send with `-d '…'`, and the
 * lifetimes its prose states in seconds.
 */
import { readFileSync } from 'node:fs';

export interface TutorialStep {
  /** The step's heading, e.g. `Logging in a customer`. */
  title: string;
  /** JSON answers shown in the step, in order. */
  answers: unknown[];
  /** JSON request bodies of the step's curl calls, in order. */
  requests: unknown[];
  /** Every "(N seconds)" the step's prose states. */
  statedSeconds: number[];
}

const FENCE = /```(\w+)?\n([\s\S]*?)```/g;
const CURL_BODY = /-d '([\s\S]*?)'/g;
const SECONDS = /\((\d+) seconds\)/g;

export function loadTutorial(path: string): TutorialStep[] {
  const text = readFileSync(path, 'utf8');
  return text
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      const title = section.slice(0, section.indexOf('\n')).trim();
      const answers: unknown[] = [];
      const requests: unknown[] = [];
      for (const [, language, code = ''] of section.matchAll(FENCE)) {
        if (language === 'json') answers.push(JSON.parse(code) as unknown);
        if (language === 'bash') for (const [, body = ''] of code.matchAll(CURL_BODY)) requests.push(JSON.parse(body) as unknown);
      }
      const prose = section.replace(FENCE, '');
      const statedSeconds = [...prose.matchAll(SECONDS)].map(([, seconds]) => Number(seconds));
      return { title, answers, requests, statedSeconds };
    });
}

/** The payload of a JWT, decoded, not verified. */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
