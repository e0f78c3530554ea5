import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientPage } from '../../../../../shared/contract/patients';
import { useSessionStore } from '../../../session/session-store';
import { patientsCall } from '../patients-api';
import { usePatientsStore } from '../patients-store';
import { useOpenerFocus } from '../use-opener-focus';
import { ContactsSection } from './ContactsSection';
import { DetailsSection } from './DetailsSection';
import { HistorySection } from './HistorySection';
import { MergeDialog } from './MergeDialog';
import { NotYetSections } from './NotYetSections';
import { PatientHeader } from './PatientHeader';

type Loaded = { kind: 'loading' } | { kind: 'ready'; page: PatientPage } | { kind: 'failed'; message: string };

/** One patient: header with alerts, the sections later capabilities fill, contacts, details, history and (admins) merge. */
export function PatientPageView({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const storeNotice = usePatientsStore((state) => state.notice);
  const timeZone = usePatientsStore((state) => state.timeZone);
  const [notice, setNotice] = useState<string | null>(storeNotice?.text ?? null);
  const [merging, setMerging] = useState(false);
  const role = useSessionStore((state) => (state.view.kind === 'ready' ? (state.view.state.user?.role ?? null) : null));
  const canEdit = role !== null && role !== 'read_only';
  const noticeRef = useRef<HTMLDivElement>(null);
  const mergeFocus = useOpenerFocus();

  const load = useCallback(async () => {
    const result = await patientsCall((api) => api.get({ id }));
    setLoaded(result.ok ? { kind: 'ready', page: result.value } : { kind: 'failed', message: result.error.message });
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = useCallback((page: PatientPage) => setLoaded({ kind: 'ready', page }), []);

  /** After a merge: the dialog and the record it came from are gone, so the sentence saying what happened takes focus. */
  function merged(message: string) {
    setNotice(message);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  }

  if (loaded.kind === 'loading') {
    return (
      <Stack align="flex-start" className="patient-loading">
        <Loader size="sm" aria-label="Opening the patient record" />
      </Stack>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title="This patient record did not open" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        <Text>{loaded.message}</Text>
        <Button mt="sm" variant="default" onClick={() => void load()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const { page } = loaded;
  return (
    <Stack gap="lg" className="patient-page" maw={1200}>
      <PatientHeader page={page} />
      {notice && (
        <Alert ref={noticeRef} tabIndex={-1} color="green" variant="light" role="status" withCloseButton closeButtonLabel="Dismiss this message" onClose={() => setNotice(null)} classNames={{ message: 'alert-message' }}>
          {notice}
        </Alert>
      )}
      <NotYetSections />
      <ContactsSection page={page} canEdit={canEdit} onSaved={saved} />
      <DetailsSection page={page} canEdit={canEdit} onSaved={saved} />
      <HistorySection history={page.history} timeZone={timeZone} />
      {role === 'admin' && (
        <Paper component="section" aria-labelledby="merge-heading" withBorder radius="md" p="lg" className="patient-section">
          <Title order={3} id="merge-heading">
            Duplicate records
          </Title>
          <Text mt={4}>If this patient was registered twice, merge the other record into this one. Only administrators can do this.</Text>
          <Button
            mt="sm"
            variant="default"
            onClick={() => {
              mergeFocus.remember();
              setMerging(true);
            }}
            aria-haspopup="dialog"
          >
            Merge a duplicate into this record
          </Button>
        </Paper>
      )}
      {merging && (
        <MergeDialog
          survivor={page.patient}
          timeZone={timeZone}
          onClose={() => {
            setMerging(false);
            mergeFocus.restore();
          }}
          onMerged={(message) => {
            setMerging(false);
            void load().then(() => merged(message));
          }}
        />
      )}
    </Stack>
  );
}
