import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { callClinic } from '../api/clinic';

/**
 * Unsaved form drafts. Before the window locks, or before another staff member signs in on it, every
 * mounted draft-capable form saves its current values to main (`drafts:save`, kept in the encrypted
 * database for its owner only). When the owner opens that form again, the draft is offered back.
 */
/** Keeps one mounted form's unsaved values; answers false when they could not be kept (true: kept, or nothing to keep). */
type DraftSaver = () => Promise<boolean>;
const savers = new Map<DraftSaver, string>();

/** Adds a form's saver to those `saveAllDrafts` runs; returns the way to take it off again (the form unmounted). */
export function registerDraftSaver(formKey: string, save: DraftSaver): () => void {
  savers.set(save, formKey);
  return () => void savers.delete(save);
}

/**
 * Saves every mounted form's unsaved values. Call before `lock.now()` and before switching user. Answers the form keys
 * whose values could NOT be kept (main refused or could not be reached), so the owner can be told what to type again.
 */
export async function saveAllDrafts(): Promise<string[]> {
  const outcomes = await Promise.all(
    [...savers].map(async ([save, formKey]) => ({ formKey, kept: await save().catch(() => false) })),
  );
  return outcomes.filter((outcome) => !outcome.kept).map((outcome) => outcome.formKey);
}

export interface FormDraftOptions<T extends FieldValues> {
  /** Fields never kept in a draft (passwords, PINs, recovery codes). */
  exclude?: readonly (keyof T & string)[];
}

export interface FormDraft {
  /** When the offered draft was saved (epoch ms), or null when there is none to offer. */
  offeredSavedAt: number | null;
  /** Puts the draft's values into the form. */
  restore(): void;
  /** Forgets the draft (the form was saved, or the person chose not to restore it). */
  discard(): Promise<void>;
}

/**
 * Makes a react-hook-form form draft-capable under `formKey` (lower-case, e.g. 'staff:create').
 * Only a form with changes is saved; excluded fields never leave the page.
 */
export function useFormDraft<T extends FieldValues>(formKey: string, form: UseFormReturn<T>, options: FormDraftOptions<T> = {}): FormDraft {
  const [offered, setOffered] = useState<{ data: Partial<T>; savedAt: number } | null>(null);
  const exclude = useRef(options.exclude ?? []);
  // formState is a proxy: react-hook-form keeps isDirty up to date only for a form that reads it while rendering.
  // Without this read, the saver below saw isDirty=false and a half-typed form was not kept at lock.
  void form.formState.isDirty;

  useEffect(() => {
    let cancelled = false;
    void callClinic((api) => api.drafts.load({ formKey })).then((result) => {
      if (cancelled || !result.ok || !result.value) return;
      try {
        setOffered({ data: JSON.parse(result.value.data) as Partial<T>, savedAt: result.value.savedAt });
      } catch {
        // A draft that is not JSON any more is not worth an error: drop it.
        void callClinic((api) => api.drafts.discard({ formKey }));
      }
    });
    const unregister = registerDraftSaver(formKey, async () => {
      if (!form.formState.isDirty) return true;
      const values: Record<string, unknown> = { ...form.getValues() };
      for (const field of exclude.current) delete values[field];
      const saved = await callClinic((api) => api.drafts.save({ formKey, data: JSON.stringify(values) }));
      return saved.ok;
    });
    return () => {
      cancelled = true;
      unregister();
    };
  }, [formKey, form]);

  return {
    offeredSavedAt: offered?.savedAt ?? null,
    restore() {
      if (!offered) return;
      for (const [field, value] of Object.entries(offered.data)) {
        if (exclude.current.includes(field)) continue;
        form.setValue(field as never, value as never, { shouldDirty: true });
      }
      setOffered(null);
    },
    async discard() {
      setOffered(null);
      await callClinic((api) => api.drafts.discard({ formKey }));
    },
  };
}
