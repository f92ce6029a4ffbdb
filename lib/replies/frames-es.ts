import type { Platform } from '../domain/post';
import type { ReplyCopy } from './reply-copy';
import type { ReplyFrames } from './template-builder';
import type { Tone } from './templates';

/**
 * Spanish frames for the built-in replies (same slots as the English ones in
 * default-templates.ts). Warm and concise speak as "tú", formal as "usted". "Te enviaremos"
 * (future) is a promise; "te he enviado" / "le hemos enviado" (a claim) only appears in the
 * "sent" style, which suggest.ts offers once the handoff is on the case's timeline.
 */

function opener(platform: Platform, tone: Tone, copy: ReplyCopy): string {
  const { problem, formal } = copy;
  if (platform === 'x') {
    return {
      warm: `{firstName} Lamento mucho que ${problem}.`,
      concise: `{firstName} Sentimos que ${problem}.`,
      formal: `{firstName} Lamentamos que ${formal}.`,
    }[tone];
  }
  if (platform === 'facebook') {
    return {
      warm: `Hola, {firstName}: lamento mucho que ${problem}. Es culpa nuestra y quiero solucionarlo.`,
      concise: `{firstName}, sentimos que ${problem}: es error nuestro.`,
      formal: `Hola, {firstName}:\n\nLamentamos que ${formal}. Asumimos toda la responsabilidad y lo resolveremos.`,
    }[tone];
  }
  return {
    warm: `Hola, {firstName}: gracias por contárnoslo, y lamento mucho que ${problem}. Es culpa nuestra y queremos arreglarlo.`,
    concise: `{firstName}, sentimos que ${problem}: es culpa nuestra.`,
    formal: `Hola, {firstName}:\n\nGracias por su reseña. Lamentamos que ${formal} y asumimos toda la responsabilidad.`,
  }[tone];
}

function closer(platform: Platform, tone: Tone): string {
  if (platform === 'x' || tone === 'concise') return ' {signature}';
  if (tone === 'warm') return '\n\n{signature}';
  return platform === 'yelp' ? '\n\nAtentamente,\n{signature}' : '\n\nUn saludo,\n{signature}';
}

/** How the customer reaches the private channel: "por DM en <link>" or "por DM". */
function via(style: 'invite' | 'pending'): string {
  return style === 'invite' ? 'por {channel} en {handoffLink}' : 'por {channel}';
}

function movePrivate(platform: Platform, tone: Tone, copy: ReplyCopy, style: 'invite' | 'pending' | 'sent'): string {
  const long = platform !== 'x';
  const need = long ? ` y ${copy.need}` : '';
  if (style === 'invite') {
    return {
      warm: `Escríbenos por {channel} en {handoffLink} indicando el caso {caseRef}${need}, y te responderemos en un plazo de {replyTime}.`,
      concise: `Escríbenos por {channel} en {handoffLink} con el caso {caseRef}; respondemos en un plazo de {replyTime}.`,
      formal: `Contáctenos por {channel} en {handoffLink} indicando el caso {caseRef}${need}. Le responderemos en un plazo de {replyTime}.`,
    }[tone];
  }
  if (style === 'pending') {
    return {
      warm: `Te enviaremos un {channel} sobre el caso {caseRef} en un plazo de {replyTime} para resolverlo juntos.`,
      concise: `Te enviaremos un {channel} sobre el caso {caseRef} en un plazo de {replyTime}.`,
      formal: `Le enviaremos un {channel} sobre el caso {caseRef} en un plazo de {replyTime}.`,
    }[tone];
  }
  return {
    warm: `Te he enviado un {channel} sobre el caso {caseRef}; respóndeme allí${long ? ` con ${copy.need}` : ''} y te contestaremos en un plazo de {replyTime}.`,
    concise: `Te he enviado un {channel} (caso {caseRef}); te respondemos allí en un plazo de {replyTime}.`,
    formal: `Le hemos enviado un {channel} sobre el caso {caseRef}; le responderemos allí en un plazo de {replyTime}.`,
  }[tone];
}

function publicAnswer(tone: Tone, copy: ReplyCopy): string {
  return {
    warm: `${copy.answer} ¿Sigue igual? Respóndenos con el caso {caseRef}.`,
    concise: `${copy.answer} ¿Sigue igual? Caso {caseRef}.`,
    formal: `${copy.answer} Si persiste, responda indicando el caso {caseRef}.`,
  }[tone];
}

function askDetail(platform: Platform, tone: Tone, copy: ReplyCopy, style: 'invite' | 'pending' | 'none'): string {
  if (style === 'none') {
    return {
      warm: `${copy.ask} Respóndenos aquí y nos encargamos (caso {caseRef}).`,
      concise: `${copy.ask} Caso {caseRef}.`,
      formal: `${copy.ask} Hemos abierto el caso {caseRef} y le responderemos aquí.`,
    }[tone];
  }
  if (platform === 'x') {
    return {
      warm: `Envíanos ${copy.need} ${via(style)} con el caso {caseRef}, no aquí.`,
      concise: `Envía ${copy.need} ${via(style)} con el caso {caseRef}, no aquí.`,
      formal: `Envíenos ${copy.need} ${via(style)}, indicando el caso {caseRef}.`,
    }[tone];
  }
  return {
    warm: `Para resolverlo necesitamos ${copy.need}: escríbenos ${via(style)} con esos datos y el caso {caseRef}, no aquí.`,
    concise: `Necesitamos ${copy.need}: escríbenos ${via(style)} con el caso {caseRef}, no aquí.`,
    formal: `Para resolverlo necesitamos ${copy.need}. Escríbanos ${via(style)} indicando el caso {caseRef}, en lugar de publicarlo aquí.`,
  }[tone];
}

function privateBody(tone: Tone, copy: ReplyCopy): string {
  const note = copy.privateNote !== undefined ? ` ${copy.privateNote}` : '';
  return {
    warm:
      `Hola, {firstName}: te escribe el equipo de {brand} por tu publicación (caso {caseRef}). ` +
      `Lamento mucho que ${copy.problem} y quiero ayudarte a resolverlo.\n\n` +
      `¿Puedes responder con ${copy.need}?${note}\n\nTe contestaremos en un plazo de {replyTime} desde tu respuesta.\n\n{signature}`,
    concise: `Hola, {firstName}: somos {brand}, por el caso {caseRef}. Sentimos que ${copy.problem}. Responde con ${copy.need}.${note} Te contestamos en un plazo de {replyTime}.\n{signature}`,
    formal:
      `Hola, {firstName}:\n\nGracias por contactar con {brand}. Hemos abierto el caso {caseRef}. Lamentamos que ${copy.formal}.\n\n` +
      `Para resolverlo, responda con ${copy.need}.${note}\n\nLe responderemos en un plazo de {replyTime} desde su respuesta.\n\nAtentamente,\n{signature}`,
  }[tone];
}

export const FRAMES_ES: ReplyFrames = { opener, closer, movePrivate, publicAnswer, askDetail, privateBody };
