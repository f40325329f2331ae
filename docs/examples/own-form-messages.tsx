import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import * as z from 'zod';
import {
  Field,
  FieldError,
  Form,
  FormError,
  formIssueMessages,
  Input,
  Label,
  MessageDefaults,
  messageKey,
  Submit,
  useMessages,
} from 'emporix-customer-react';

// Issues zod raises itself become shared keys through `formIssueMessages` (field.required, field.tooShort, …);
// a refinement of your own names its key with `messageKey` (params fill `{…}` placeholders).
const voucherSchema = z.object({
  code: z
    .string()
    .min(4)
    .refine((code) => /^[A-Z0-9-]+$/.test(code), { message: messageKey('voucher.format', { example: 'SPRING-25' }) }),
});

const voucherMessages = {
  'voucher.code': 'Voucher code',
  'voucher.format': 'Use capital letters, digits and dashes, like {example}.',
  'voucher.submit': 'Redeem',
};

export function VoucherForm({ onRedeem }: { onRedeem: (code: string) => Promise<void> }) {
  const form = useForm<z.input<typeof voucherSchema>, unknown, z.output<typeof voucherSchema>>({
    resolver: zodResolver(voucherSchema, { error: formIssueMessages }),
    defaultValues: { code: '' },
  });
  return (
    <MessageDefaults messages={voucherMessages}>
      <Form form={form} onSubmit={(values) => onRedeem(values.code)}>
        <VoucherFields />
      </Form>
    </MessageDefaults>
  );
}

function VoucherFields() {
  const t = useMessages();
  return (
    <>
      <FormError />
      <Field name="code">
        <Label>{t('voucher.code')}</Label>
        <Input autoComplete="off" />
        <FieldError />
      </Field>
      <Submit>{t('voucher.submit')}</Submit>
    </>
  );
}
