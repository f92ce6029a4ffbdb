import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
          Could not read settings: {loaded.error.message}
        </p>
      </Page>
    );
  }
  if (!editor || !stored) {
    return (
      <Page>
        <p role="status">Loading settings…</p>
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
      onError: (error) => setMessage({ kind: 'error', text: 'Not saved.', details: errorDetails(error) }),
    });
  };

  const onSave = () => {
    setPendingImport(null);
    if (templateEditing !== null) {
      setMessage({
        kind: 'error',
        text: 'Not saved. Finish the reply template you are editing first: add or update it, or cancel.',
      });
      return;
    }
    if (savedReplyEditing !== null) {
      setMessage({ kind: 'error', text: 'Not saved. Finish the saved reply you are editing first: add or update it, or cancel.' });
      return;
    }
    const checked = checkDraft(editor.draft);
    if (!checked.ok) {
      const label = draftPathLabeler(editor.draft);
      setMessage({
        kind: 'error',
        text: 'Not saved. Fix these first:',
        details: checked.issues.map((issue) => formatIssue(issue, label)),
      });
      setRefusedSave((count) => count + 1);
      return;
    }
    store(checked.settings, 'Saved. Open tabs use the new settings right away.');
  };

  const onExport = async () => {
    const fileName = exportFileName(new Date());
    // The settings are exported even when the background cannot give the learning layer; the message says so.
    const learning = await exportLearning().catch((error: unknown) => plainErrorMessage(error));
    const layer = typeof learning === 'string' ? undefined : learning;
    downloadTextFile(fileName, exportSettings(stored, layer));
    const learned = layer && layer.corrections.length > 0 ? ` and ${layer.corrections.length} triage corrections` : '';
    setMessage({
      kind: typeof learning === 'string' ? 'error' : 'success',
      text: `Exported ${describeSettings(stored)}${learned} to ${fileName}.${
        typeof learning === 'string' ? ` The triage corrections are not in it: ${learning}` : ''
      }${editor.dirty ? ' Unsaved edits are not in the file: save first to include them.' : ''}`,
    });
  };

  const onImport = async (file: File) => {
    setPendingImport(null);
    const refuse = (details: string[]) =>
      setMessage({ kind: 'error', text: `Could not import ${file.name}. Nothing was changed.`, details });
    const sizeError = importSizeError(file.size);
    if (sizeError) return refuse([sizeError]);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return refuse([`The file could not be read: ${String(error)}`]);
    }
    const result = parseSettingsImport(text);
    if (!result.ok) return refuse(result.errors);
    setPendingImport({ fileName: file.name, settings: result.settings, ...(result.learning ? { learning: result.learning } : {}) });
    const learned = result.learning ? ` and ${result.learning.corrections.length} triage corrections` : '';
    setMessage({
      kind: 'info',
      text: `${file.name} contains ${describeSettings(result.settings)}${learned}. Apply it to replace the current settings${
        editor.dirty ? ' and your unsaved edits' : ''
      }.`,
    });
  };

  const applyImport = () => {
    if (!pendingImport) return;
    setPendingImport(null);
    const { fileName, settings, learning } = pendingImport;
    const note = ignoredSignatureNote(settings, stored);
    store(importedForInstall(settings, stored), `Imported ${fileName}: ${describeSettings(settings)}.${note ? ` ${note}` : ''}`);
    if (learning) {
      importLearning(queryClient, learning).catch((error: unknown) =>
        setMessage({ kind: 'error', text: `The triage corrections in ${fileName} were not imported: ${plainErrorMessage(error)}` }),
      );
    }
  };

  const cancelImport = () => {
    setPendingImport(null);
    setMessage({ kind: 'info', text: 'Import cancelled. Nothing was changed.' });
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
        />
        <SpiralsSection draft={editor.draft.spirals} issues={liveIssues} onChange={(spirals) => edit({ spirals })} />
        <RetentionSection draft={editor.draft.retention} issues={liveIssues} onChange={(retention) => edit({ retention })} />
        <ImportExport onExport={() => void onExport()} onImport={(file) => void onImport(file)} />
        <div className="options-actions" ref={setActionsBar}>
          <button type="submit" className="primary" data-testid="options-save" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {editor.dirty && <span className="options-dirty">Unsaved changes</span>}
          <OptionsMessage message={message}>
            {pendingImport && (
              <div className="options-row">
                <button type="button" className="primary" onClick={applyImport} data-testid="options-import-apply">
                  Apply import
                </button>
                <button type="button" onClick={cancelImport} data-testid="options-import-cancel">
                  Cancel
                </button>
              </div>
            )}
          </OptionsMessage>
        </div>
      </form>
      {/* Outside the form: Enter in its confirmation field must not save settings. */}
      <LearningSection />
      <DeleteAllData />
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <main className="options">
      <header className="options-header">
        <h1>CareSide settings</h1>
        <p className="options-hint">
          Brands to watch for on X, Facebook and Yelp, their private channels, your reply templates, response targets and spiral alerts.
        </p>
      </header>
      {children}
    </main>
  );
}
