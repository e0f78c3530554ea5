import { Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { todayIn } from '../../../../../shared/patients/dates';
import { CONTACT_METHOD_LABELS, optionsOf, PHONE_KIND_LABELS, SEX_AT_BIRTH_LABELS, STATUS_LABELS } from './choices';
import { PatientCheckField, PatientChoiceField, PatientTextField } from './form-fields';
import type { PatientForm } from './patient-form';

const PHONE_HINT = 'Type phone numbers with the area code, in any format: (312) 555-0142, 312.555.0142 or 3125550142.';

/**
 * Every field of the patient record, in the order the desk asks for them: Name, Birth & identity, Phones & consent,
 * Email, Address, Language & contact, Emergency contact, Status. Used by registration and by "Edit details".
 */
export function PatientFormSections({ form }: { form: PatientForm }) {
  const today = todayIn();
  return (
    <Stack gap="lg">
      <Group legend="Name">
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md">
          <PatientTextField form={form} name="firstName" label="First name" withAsterisk data-autofocus />
          <PatientTextField form={form} name="middleName" label="Middle name" />
          <PatientTextField form={form} name="lastName" label="Last name" withAsterisk />
          <PatientTextField form={form} name="suffix" label="Suffix" placeholder="Jr., Sr., III" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
          <PatientTextField form={form} name="preferredName" label="Preferred name" description="What the patient likes to be called, if not the first name." />
        </SimpleGrid>
      </Group>
      <Group legend="Birth & identity">
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md">
          <PatientTextField form={form} name="dateOfBirth" label="Date of birth" type="date" max={today} withAsterisk />
          <PatientChoiceField form={form} name="sexAtBirth" label="Sex assigned at birth" options={optionsOf(SEX_AT_BIRTH_LABELS, 'Choose…')} required />
          <PatientTextField form={form} name="genderIdentity" label="Gender identity" />
          <PatientTextField form={form} name="pronouns" label="Pronouns" placeholder="she/her, he/him, they/them" />
        </SimpleGrid>
      </Group>
      <Group legend="Phones & consent">
        <Text size="sm" c="dimmed">
          {PHONE_HINT}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md">
          <PatientTextField form={form} name="phoneMobile" label="Mobile phone" type="tel" />
          <PatientTextField form={form} name="phoneHome" label="Home phone" type="tel" />
          <PatientTextField form={form} name="phoneWork" label="Work phone" type="tel" />
          <PatientChoiceField form={form} name="preferredPhone" label="Preferred phone" options={optionsOf(PHONE_KIND_LABELS, 'No preference')} />
        </SimpleGrid>
        <PatientCheckField form={form} name="textConsent" label="The patient agrees to text messages on the mobile phone" />
      </Group>
      <Group legend="Email">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <PatientTextField form={form} name="email" label="Email address" type="email" />
        </SimpleGrid>
        <PatientCheckField form={form} name="emailConsent" label="The patient agrees to email" />
      </Group>
      <Group legend="Address">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <PatientTextField form={form} name="addressLine1" label="Street address" />
          <PatientTextField form={form} name="addressLine2" label="Apartment, suite, unit" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <PatientTextField form={form} name="city" label="City" />
          <PatientTextField form={form} name="state" label="State" />
          <PatientTextField form={form} name="postalCode" label="ZIP code" inputMode="numeric" />
        </SimpleGrid>
      </Group>
      <Group legend="Language & contact">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <PatientTextField form={form} name="preferredLanguage" label="Preferred language" placeholder="English if left empty" />
          <PatientChoiceField form={form} name="preferredContactMethod" label="Preferred way to contact" options={optionsOf(CONTACT_METHOD_LABELS, 'No preference')} />
          <PatientTextField form={form} name="preferredContactTimes" label="Best times to reach" placeholder="Weekday mornings" />
        </SimpleGrid>
        <PatientCheckField form={form} name="interpreterNeeded" label="Needs an interpreter" />
      </Group>
      <Group legend="Emergency contact">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <PatientTextField form={form} name="emergencyContactName" label="Emergency contact’s name" />
          <PatientTextField form={form} name="emergencyContactRelationship" label="Relationship" placeholder="Spouse, son, neighbor…" />
          <PatientTextField form={form} name="emergencyContactPhone" label="Emergency contact’s phone" type="tel" placeholder="(312) 555-0142" />
        </SimpleGrid>
      </Group>
      <Group legend="Status">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <PatientChoiceField form={form} name="status" label="Record status" options={optionsOf(STATUS_LABELS)} />
        </SimpleGrid>
      </Group>
    </Stack>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} radius="md" className="patient-fieldset">
      <Stack gap="md">{children}</Stack>
    </Fieldset>
  );
}
