/**
 * Renders the request and follow-up texts from Handlebars templates precompiled at build time
 * (esbuild.js), with the runtime only. Output is plain text; callers show it as text, never as HTML.
 */
import Handlebars from 'handlebars/runtime';
import requestSpec from '../templates/request.hbs';

const runtime = Handlebars.create();

const requestTemplate = runtime.template(requestSpec);

export interface RequestModel {
  personName: string;
  aspiration: string;
  skill: string;
  evidence: string;
  sessions: number;
  minutesPerSession?: number;
  timeframe: string;
  topics: readonly string[];
  signature?: string;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

export function renderRequest(model: RequestModel): string {
  const text = requestTemplate(
    {
      firstName: model.personName.trim().split(/\s+/)[0] ?? model.personName,
      aspiration: stripEndPunctuation(model.aspiration.trim()) || 'developing my career',
      skill: stripEndPunctuation(model.skill.trim()).toLowerCase(),
      evidence: sentence(model.evidence),
      sessionsInWords: NUMBER_WORDS[model.sessions] ?? String(model.sessions),
      plural: model.sessions !== 1,
      minutes: model.minutesPerSession,
      timeframe: stripEndPunctuation(model.timeframe.trim()),
      topicList: listInWords(model.topics.map((t) => stripEndPunctuation(t.trim())).filter(Boolean)),
      signature: model.signature,
    },
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
  return text.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** "a", "a and b", "a, b, and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'the topics we agree on';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

function stripEndPunctuation(s: string): string {
  return s.replace(/[\s.!?,;:]+$/, '');
}

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return '';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
