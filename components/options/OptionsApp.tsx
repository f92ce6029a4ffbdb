import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { saveSettingsMutation, settingsQuery } from '../../lib/queries/settings';
import { checkDraft, draftFromSettings, type SettingsDraft } from '../../lib/settings/brand-form';
import { draftPathLabeler } from '../../lib/settings/draft-labels';
import {
  exportFileName,
  exportSettings,
  ignoredSignatureNote,
  importedForInstall,
  importSizeError,
  parseSettingsImport,
} from '../../lib/settings/io';
import { formatIssue, type ValidationIssue } from '../../lib/validation/issues';
import type { Settings } from '../../lib/settings/schema';
import { SettingsValidationError } from '../../lib/settings/store';
import { BrandEditor } from './BrandEditor';
import { downloadTextFile } from '../common/download';
import { ImportExport } from './ImportExport';
import { OptionsMessage, type Message } from './OptionsMessage';
import { ResponseTargetsSection } from './ResponseTargetsSection';
import { RetentionSection } from './RetentionSection';
import { DeleteAllData } from './DeleteAllData';
import { LearningSection } from './LearningSection';
import { exportLearning, importLearning } from '../../lib/queries/learning';
import type { LearningExport } from '../../lib/domain/learning';
import { SignatureField } from './SignatureField';
import { SpiralsSection } from './SpiralsSection';
import { focusFirstInvalid, useStickyBottomPadding, useUnsavedChangesGuard } from './page-guards';
import { describeSettings } from './summary-text';
import { TemplatesSection, type TemplateEditing } from './TemplatesSection';
import { SavedRepliesSection, type SavedReplyEditing } from './SavedRepliesSection';
import { AgentSection } from './AgentSection';
import { TeamSection } from './TeamSection';
import { plainErrorMessage } from '../../lib/domain/errors';

interface EditorState {
  /** The stored settings the draft started from. */
  source: Settings;
  draft: SettingsDraft;
  dirty: boolean;
}

function editorFor(settings: Settings): EditorState {
  return { source: settings, draft: draftFromSettings(settings), dirty: false };
}

/** " and 12 triage corrections", added to a settings summary. */
function learnedText(corrections: number): string {
  return t('options.learnedCorrections', corrections, { count: formatNumber(corrections) });
}

function errorDetails(error: unknown): string[] {
  if (error instanceof SettingsValidationError) return error.errors;
  return [plainErrorMessage(error)];
}

/** The options page: edit brands, channels, signature, templates, targets and alerts; save, export, import. */
export function OptionsApp() {
  const queryClient = useQueryClient();
  const loaded = useQuery(settingsQuery());
  const save = useMutation(saveSettingsMutation(queryClient));
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pendingImport, setPendingImport] = useState<{ fileName: string; settings: Settings; learning?: LearningExport } | null>(null);
  const [templateEditing, setTemplateEditing] = useState<TemplateEditing>(null);
  const [savedReplyEditing, setSavedReplyEditing] = useState<SavedReplyEditing>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [actionsBar, setActionsBar] = useState<HTMLDivElement | null>(null);
  // Bumped by a refused save: once the errors render, the first invalid field scrolls into view.
  const [refusedSave, setRefusedSave] = useState(0);
  useUnsavedChangesGuard(editor?.dirty ?? false);
  useStickyBottomPadding(actionsBar);
  useEffect(() => {
    if (refusedSave > 0) focusFirstInvalid(formRef.current);
  }, [refusedSave]);
  // Checked on every edit so fields can show their problems inline before Save.
  const draft = editor?.draft;
  const liveIssues = useMemo<ValidationIssue[]>(() => {
    if (!draft) return [];
    const checked = checkDraft(draft);
    if (checked.ok) return [];
    // A brand just added has no name yet: that is not an error to shout about until a save is refused.
    const blankNewName = (issue: ValidationIssue) => {
      const [root, index, field] = issue.path;
      const brand = root === 'brands' && typeof index === 'number' ? draft.brands[index] : undefined;
      return field === 'name' && issue.path.length === 3 && brand?.id === null && brand.name.trim() === '';
    };
    return refusedSave > 0 ? checked.issues : checked.issues.filter((issue) => !blankNewName(issue));
  }, [draft, refusedSave]);
  const agentSignature = draft?.agentSignature ?? '';
  const sampleBrandName = draft?.brands[0]?.name.trim() || 'Acme';
  const templateSample = useMemo(() => ({ brandName: sampleBrandName, signature: agentSignature }), [sampleBrandName, agentSignature]);

  // Follow the stored settings (e.g. saved in another window) unless there are unsaved edits.
  const stored = loaded.data?.settings;
  if (stored && (editor === null || (!editor.dirty && editor.source !== stored))) {
    setEditor(editorFor(stored));
  }

  if (loaded.isError) {
    return (
      <Page>
        <p role="alert" className="options-warning">
          {t('options.readError', { error: loaded.error.message })}
        </p>
      </Page>
    );
  }
  if (!editor || !stored) {
    return (
      <Page>
        <p role="status">{t('options.loading')}</p>
      </Page>
    );
  }

  const edit = (patch: Partial<SettingsDraft>) => {
    setEditor({ ...editor, draft: { ...editor.draft, ...patch }, dirty: true });
    // "Saved." or "Exported…" no longer describes the form once it is edited again: "Unsaved changes" does.
    if (message?.kind === 'success') setMessage(null);
  };

  const store = (settings: Settings, successText: string) => {
    save.mutate(settings, {
      onSuccess: (saved) => {
        setEditor(editorFor(saved));
        setMessage({ kind: 'success', text: successText });
      },
      onError: (error) => setMessage({ kind: 'error', text: t('options.notSaved'), details: errorDetails(error) }),
    });
  };

  const onSave = () => {
    setPendingImport(null);
    if (templateEditing !== null) {
      setMessage({
        kind: 'error',
        text: t('options.notSavedTemplate'),
      });
      return;
    }
    if (savedReplyEditing !== null) {
      setMessage({ kind: 'error', text: t('options.notSavedSavedReply') });
      return;
    }
    const checked = checkDraft(editor.draft);
    if (!checked.ok) {
      const label = draftPathLabeler(editor.draft);
      setMessage({
        kind: 'error',
        text: t('options.notSavedFix'),
        details: checked.issues.map((issue) => formatIssue(issue, label)),
      });
      setRefusedSave((count) => count + 1);
      return;
    }
    store(checked.settings, t('options.saved'));
  };

  const onExport = async () => {
    const fileName = exportFileName(new Date());
    // The settings are exported even when the background cannot give the learning layer; the message says so.
    const learning = await exportLearning().catch((error: unknown) => plainErrorMessage(error));
    const layer = typeof learning === 'string' ? undefined : learning;
    downloadTextFile(fileName, exportSettings(stored, layer));
    const learned = layer && layer.corrections.length > 0 ? learnedText(layer.corrections.length) : '';
    setMessage({
      kind: typeof learning === 'string' ? 'error' : 'success',
      text:
        t('options.exported', { what: describeSettings(stored) + learned, file: fileName }) +
        (typeof learning === 'string' ? t('options.exportedWithoutLearning', { error: learning }) : '') +
        (editor.dirty ? t('options.exportedUnsaved') : ''),
    });
  };

  const onImport = async (file: File) => {
    setPendingImport(null);
    const refuse = (details: string[]) => setMessage({ kind: 'error', text: t('options.importRefused', { file: file.name }), details });
    const sizeError = importSizeError(file.size);
    if (sizeError) return refuse([sizeError]);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return refuse([t('options.importUnreadable', { error: String(error) })]);
    }
    const result = parseSettingsImport(text);
    if (!result.ok) return refuse(result.errors);
    setPendingImport({ fileName: file.name, settings: result.settings, ...(result.learning ? { learning: result.learning } : {}) });
    const learned = result.learning ? learnedText(result.learning.corrections.length) : '';
    const what = describeSettings(result.settings) + learned;
    setMessage({
      kind: 'info',
      text: editor.dirty
        ? t('options.importContainsUnsaved', { file: file.name, what })
        : t('options.importContains', { file: file.name, what }),
    });
  };

  const applyImport = () => {
    if (!pendingImport) return;
    setPendingImport(null);
    const { fileName, settings, learning } = pendingImport;
    const note = ignoredSignatureNote(settings, stored);
    store(
      importedForInstall(settings, stored),
      t('options.imported', { file: fileName, what: describeSettings(settings) }) + (note ? ` ${note}` : ''),
    );
    if (learning) {
      importLearning(queryClient, learning).catch((error: unknown) =>
        setMessage({ kind: 'error', text: t('options.importLearningFailed', { file: fileName, error: plainErrorMessage(error) }) }),
      );
    }
  };

  const cancelImport = () => {
    setPendingImport(null);
    setMessage({ kind: 'info', text: t('options.importCancelled') });
  };

  return (
    <Page>
      {loaded.data?.error && (
        <p role="alert" className="options-warning" data-testid="options-load-error">
          {loaded.data.error}
        </p>
      )}
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <BrandEditor brands={editor.draft.brands} issues={liveIssues} onChange={(brands) => edit({ brands })} />
        <SignatureField value={editor.draft.agentSignature} onChange={(agentSignature) => edit({ agentSignature })} />
        <TemplatesSection
          templates={editor.draft.replyTemplates}
          editing={templateEditing}
          sample={templateSample}
          onChange={(replyTemplates) => edit({ replyTemplates })}
          onEditingChange={setTemplateEditing}
        />
        <SavedRepliesSection
          brands={editor.draft.brands.flatMap((brand) =>
            brand.id === null ? [] : [{ id: brand.id, name: brand.name.trim() || brand.id }],
          )}
          replies={editor.draft.savedReplies}
          editing={savedReplyEditing}
          sample={templateSample}
          onChange={(savedReplies) => edit({ savedReplies })}
          onEditingChange={setSavedReplyEditing}
        />
        <ResponseTargetsSection
          draft={editor.draft.responseTargets}
          issues={liveIssues}
          onChange={(responseTargets) => edit({ responseTargets })}
          backlogAge={editor.draft.backlogAgeHours}
          onBacklogAgeChange={(backlogAgeHours) => edit({ backlogAgeHours })}
        />
        <SpiralsSection draft={editor.draft.spirals} issues={liveIssues} onChange={(spirals) => edit({ spirals })} />
        <RetentionSection draft={editor.draft.retention} issues={liveIssues} onChange={(retention) => edit({ retention })} />
        <ImportExport onExport={() => void onExport()} onImport={(file) => void onImport(file)} />
        <div className="options-actions" ref={setActionsBar}>
          <button type="submit" className="primary" data-testid="options-save" disabled={save.isPending}>
            {save.isPending ? t('options.saving') : t('options.save')}
          </button>
          {editor.dirty && <span className="options-dirty">{t('options.unsaved')}</span>}
          <OptionsMessage message={message}>
            {pendingImport && (
              <div className="options-row">
                <button type="button" className="primary" onClick={applyImport} data-testid="options-import-apply">
                  {t('options.applyImport')}
                </button>
                <button type="button" onClick={cancelImport} data-testid="options-import-cancel">
                  {t('options.cancel')}
                </button>
              </div>
            )}
          </OptionsMessage>
        </div>
      </form>
      {/* Outside the form: Enter in its confirmation field must not save settings. */}
      {/* The agent profile and the team connection are this browser's, not settings: their own forms, never in the export. */}
      <AgentSection />
      <TeamSection />
      <LearningSection />
      <DeleteAllData />
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <main className="options">
      <header className="options-header">
        <h1>{t('options.title')}</h1>
        <p className="options-hint">{t('options.lead')}</p>
      </header>
      {children}
    </main>
  );
}
