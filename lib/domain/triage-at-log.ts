import { TRIAGE_SNAPSHOT_LIMITS as LIMITS, type TriageAtLog, type TriageResult } from './triage';

/** `value` within 0..1. */
export function fraction(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** `text`, cut to `max` characters with an ellipsis when longer. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What triage concluded, in the form cases/log stores with a new case. */
export function triageAtLog(triage: TriageResult): TriageAtLog {
  return {
    priority: triage.priority.priority,
    category: triage.category.category,
    snapshot: {
      complaint: triage.complaint.isComplaint,
      confidence: fraction(triage.complaint.confidence),
      explanation: clip(triage.priority.explanation, LIMITS.explanation),
      cues: triage.complaint.cues.slice(0, LIMITS.cues).map((cue) => clip(cue, LIMITS.cueLength)),
    },
  };
}
