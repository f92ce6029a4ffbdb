import { formatMinutes } from './lint';
import type { ReplyLanguage } from './templates';

/**
 * The few values a reply fills in that are words, per language: the promised time, the name of
 * the private channel, and the signature when the agent has none.
 */

/** "15 minutos", "1 hora", "4 horas", "2 días". */
function formatMinutesEs(minutes: number): string {
  const plural = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;
  if (minutes < 60 || minutes % 60 !== 0) return plural(minutes, 'minuto', 'minutos');
  const hours = minutes / 60;
  if (hours <= 48 || hours % 24 !== 0) return plural(hours, 'hora', 'horas');
  return plural(hours / 24, 'día', 'días');
}

export function formatMinutesIn(language: ReplyLanguage, minutes: number): string {
  return language === 'es' ? formatMinutesEs(minutes) : formatMinutes(minutes);
}

/** Channel names as the handoff builders give them (English), in Spanish after "un" / "por". */
const CHANNEL_NAMES_ES: Readonly<Record<string, string>> = {
  DM: 'DM',
  'private message': 'mensaje privado',
  Messenger: 'mensaje por Messenger',
  email: 'correo',
  'our contact form': 'nuestro formulario de contacto',
};

export function channelNameIn(language: ReplyLanguage, channel: string): string {
  return language === 'es' ? (CHANNEL_NAMES_ES[channel] ?? channel) : channel;
}

/** "The Acme team" / "El equipo de Acme": the signature when the agent has set none. */
export function teamSignature(language: ReplyLanguage, brandName: string): string {
  return language === 'es' ? `El equipo de ${brandName}` : `The ${brandName} team`;
}
