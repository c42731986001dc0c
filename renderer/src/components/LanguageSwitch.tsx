import { Segmented } from 'antd';
import type { Locale } from '../../../shared/domain';
import { useLocaleStore, useT } from '../i18n';

export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocaleStore();
  return (
    <Segmented<Locale>
      aria-label={t('lang.switch')}
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
