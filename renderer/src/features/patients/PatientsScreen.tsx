import './patients.css';
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSessionStore } from '../../session/session-store';
import { KeyCombo } from '../../shell/KeyCombo';
import { PatientPageView } from './page/PatientPageView';
import { usePatientsStore } from './patients-store';
import { QuickRegisterDialog } from './register/QuickRegisterDialog';
import { RegisterPatientView } from './register/RegisterPatientView';
import { PatientSearch, RegisterFromSearchButton } from './search/PatientSearch';
import { prefillFromQuery } from './search/prefill-from-query';
import { useOpenerFocus } from './use-opener-focus';
import { patientSearchKeys } from './use-patient-search-shortcut';

/** Find a patient (one box: name, date of birth, phone, MRN), register one, or work on one patient's page. */
export function PatientsScreen() {
  const view = usePatientsStore((state) => state.view);
  const timeZone = usePatientsStore((state) => state.timeZone);
  const { openPatient, openRegister, loadTimeZone } = usePatientsStore.getState();
  const canEdit = useSessionStore((state) => state.view.kind === 'ready' && !!state.view.state.user && state.view.state.user.role !== 'read_only');
  const [quickOpen, setQuickOpen] = useState(false);
  const quickFocus = useOpenerFocus();
  const searchInput = useSearchFocus();
  const keys = patientSearchKeys();

  useEffect(() => {
    void loadTimeZone();
  }, [loadTimeZone]);

  return (
    <Stack gap="lg" className="patients-screen">
      <Group justify="space-between" align="center" wrap="nowrap">
        <ScreenHeading>Patients</ScreenHeading>
        {canEdit && (
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              onClick={() => {
                quickFocus.remember();
                setQuickOpen(true);
              }}
              aria-haspopup="dialog"
            >
              Quick registration
            </Button>
            <Button onClick={() => openRegister()}>Register a new patient</Button>
          </Group>
        )}
      </Group>
      <PatientSearch
        label="Find a patient"
        description={
          <>
            Name (typos are fine), date of birth such as 3/14/62, phone number or its last four digits, or MRN. From any screen: <KeyCombo keys={keys.caps} size="xs" /> or{' '}
            <KeyCombo keys={['/']} size="xs" />
          </>
        }
        placeholder="Start typing a name, date of birth, phone or MRN"
        shortcutHint={keys.aria}
        inputRef={searchInput}
        timeZone={timeZone}
        onChoose={(result) => openPatient(result.id)}
        noMatchAction={canEdit ? (query) => <RegisterFromSearchButton onClick={() => openRegister(prefillFromQuery(query))} /> : undefined}
      />
      {view.kind === 'home' && <PatientsHome />}
      {view.kind === 'register' && <RegisterPatientView key="register" prefill={view.prefill} />}
      {view.kind === 'patient' && <PatientPageView key={view.id} id={view.id} />}
      {quickOpen && (
        <QuickRegisterDialog
          onClose={() => {
            setQuickOpen(false);
            quickFocus.restore();
          }}
          onChosen={(patientId, notice) => {
            setQuickOpen(false);
            openPatient(patientId, notice); // the patient's page takes focus
          }}
        />
      )}
    </Stack>
  );
}

/** Ctrl+K or "/" asked for the search box: focus it (after the screen heading took its navigation focus) and select what is in it. */
function useSearchFocus() {
  const input = useRef<HTMLInputElement>(null);
  const pending = usePatientsStore((state) => state.searchFocusPending);
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => {
      input.current?.focus();
      input.current?.select();
      usePatientsStore.getState().searchFocused();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [pending]);
  return input;
}

function PatientsHome() {
  return (
    <Paper withBorder radius="md" p="lg" className="patients-home" maw={760}>
      <Title order={2} size="h3">
        Finding a patient
      </Title>
      <List spacing={4} mt="xs">
        <List.Item>By name, in any order, even misspelled: “jon smth” or “smith, jo”.</List.Item>
        <List.Item>By date of birth: 03/14/1962, 3/14/62 or 1962-03-14.</List.Item>
        <List.Item>By phone number in any format, or just its last four digits.</List.Item>
        <List.Item>By MRN, including the MRN of a record that was merged.</List.Item>
      </List>
      <Text mt="sm" c="dimmed">
        Use the up and down arrows to move through the results, Enter to open one, Escape to clear the box.
      </Text>
    </Paper>
  );
}
