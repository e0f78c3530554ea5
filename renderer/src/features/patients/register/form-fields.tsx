import { Checkbox, NativeSelect, TextInput, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PatientFieldName, PatientForm } from './patient-form';

interface FieldProps {
  form: PatientForm;
  name: PatientFieldName;
  label: string;
  description?: ReactNode;
}

/** A text field of the patient form, its error (from the shared schema or from main) right under it. */
export function PatientTextField({ form, name, label, description, ...rest }: FieldProps & Omit<TextInputProps, 'name' | 'label' | 'description' | 'form'>) {
  const error = form.formState.errors[name]?.message;
  return <TextInput {...form.register(name)} label={label} description={description} error={error} autoComplete="off" {...rest} />;
}

export function PatientChoiceField({ form, name, label, description, options, required }: FieldProps & { options: { value: string; label: string }[]; required?: boolean }) {
  const error = form.formState.errors[name]?.message;
  return <NativeSelect {...form.register(name)} label={label} description={description} error={error} data={options} withAsterisk={required} />;
}

export function PatientCheckField({ form, name, label, description }: FieldProps) {
  const error = form.formState.errors[name]?.message;
  return <Checkbox {...form.register(name)} label={label} description={description} error={error} size="md" />;
}
