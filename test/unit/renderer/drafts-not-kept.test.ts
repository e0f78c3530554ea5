import { describe, expect, it } from 'vitest';
import { draftFormTitle, draftsNotKeptMessage } from '../../../renderer/src/forms/drafts-not-kept';
import { registerDraftSaver, saveAllDrafts } from '../../../renderer/src/forms/form-drafts';

describe('saving every open form before the lock (saveAllDrafts)', () => {
  it('answers which forms could not be kept: refused, unreachable, or broken; not the ones kept or unchanged', async () => {
    const off = [
      registerDraftSaver('staff:create', async () => true), // kept
      registerDraftSaver('patients:quick-register', async () => true), // nothing typed: nothing to keep
      registerDraftSaver('patients:register', async () => false), // main said no (too large, or could not be reached)
      registerDraftSaver('staff:edit:0192f0c4-0000-7000-8000-00000000d001', () => Promise.reject(new Error('getValues failed'))),
    ];
    expect((await saveAllDrafts()).sort()).toEqual(['patients:register', 'staff:edit:0192f0c4-0000-7000-8000-00000000d001']);
    for (const unregister of off) unregister();
    expect(await saveAllDrafts(), 'a form that closed is not asked any more').toEqual([]);
  });
});

describe('telling the owner which forms were not kept', () => {
  it('names a form by the title the person saw, never by its key or anything typed in it', () => {
    expect(draftFormTitle('patients:register')).toBe('Register a new patient');
    expect(draftFormTitle('staff:edit:0192f0c4-0000-7000-8000-00000000d001')).toBe('Edit staff member');
    expect(draftFormTitle('billing:claim')).toBeNull();
  });

  it('says what was lost and that it must be typed again', () => {
    expect(draftsNotKeptMessage(['patients:register'])).toBe(
      'Your unsaved changes in the “Register a new patient” form could not be kept when the screen locked, so they are gone. ' +
        'Open it again and re-enter what you had typed.',
    );
    expect(draftsNotKeptMessage(['staff:create', 'patients:register'])).toBe(
      'Your unsaved changes in the “Add staff member” form and the “Register a new patient” form could not be kept when the screen locked, ' +
        'so they are gone. Open those forms again and re-enter what you had typed.',
    );
  });

  it('still counts a form it has no title for', () => {
    expect(draftsNotKeptMessage(['billing:claim'])).toContain('Your unsaved changes in one form could not be kept');
    expect(draftsNotKeptMessage(['staff:create', 'billing:claim'])).toContain('in the “Add staff member” form and one other form could not be kept');
    expect(draftsNotKeptMessage(['billing:claim', 'billing:refund'])).toContain('in 2 forms could not be kept');
    expect(draftsNotKeptMessage(['billing:claim', 'billing:refund'])).toContain('Open those forms again');
  });
});
