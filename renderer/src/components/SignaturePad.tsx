import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import SignaturePadLib from 'signature_pad';
import { useT } from '../i18n';

/**
 * The borrower signs with a pen, tablet or mouse; the image (PNG, base64 without the data-URL
 * prefix) is kept with the loan and printed on the slip. Empty means "signs on paper".
 */
export function SignaturePad({ onChange, resetKey }: { onChange: (pngBase64: string | undefined) => void; resetKey?: unknown }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadLib | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const p = new SignaturePadLib(canvas.current, { backgroundColor: 'rgb(255,255,255)' });
    p.addEventListener('endStroke', () => onChange(p.isEmpty() ? undefined : p.toDataURL('image/png').split(',')[1]));
    pad.current = p;
    return () => p.off();
  }, [onChange]);
  useEffect(() => {
    pad.current?.clear();
    onChange(undefined);
  }, [resetKey, onChange]);
  return (
    <Flex vertical gap={4}>
      <canvas ref={canvas} width={360} height={120} style={{ border: '1px dashed #bbb', borderRadius: 4, touchAction: 'none' }} data-testid="signature-pad" aria-label={t('loans.signHere')} />
      <Flex justify="space-between">
        <Typography.Text type="secondary">{t('loans.signHint')}</Typography.Text>
        <Button
          size="small"
          onClick={() => {
            pad.current?.clear();
            onChange(undefined);
          }}
        >
          {t('loans.clearSignature')}
        </Button>
      </Flex>
    </Flex>
  );
}
