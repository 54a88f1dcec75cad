import { Checkbox, SimpleGrid } from '@mantine/core';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';

interface CheckboxGroupFieldProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  /** A field holding a string array. */
  name: Path<T>;
  label: string;
  description?: string;
  required?: boolean;
  options: readonly { value: string; label: string }[];
}

/**
 * A multi-choice field (participants, info scope, flags) in two columns, focused on its first box on error:
 * shared by the case and referral forms.
 */
export function CheckboxGroupField<T extends FieldValues, C, O>({
  control,
  name,
  label,
  description,
  required,
  options,
}: CheckboxGroupFieldProps<T, C, O>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Checkbox.Group
          label={label}
          description={description}
          required={required}
          value={field.value}
          onChange={(value) => field.onChange(value)}
          error={fieldState.error?.message}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {options.map((option, index) => (
              <Checkbox
                key={option.value}
                value={option.value}
                label={option.label}
                ref={index === 0 ? field.ref : undefined}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    />
  );
}
