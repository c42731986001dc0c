import { Col, Row } from 'antd';
import { CategoryItem, DocDateItem, OriginalOrCopyItem, TitleItem } from '../../components/DocumentFields';
import type { Dayjs } from 'dayjs';
import type { DocumentCategory } from '../../../../shared/api';
import type { FormParams } from '../../../../shared/schemas';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';

interface Values {
  category: string;
  title?: string;
  docDate?: Dayjs;
  isOriginal: boolean;
}

/** What a file's cover sheet is to say of the document to be scanned: its category, and if known its title and date. */
export function CoverSheetModal({
  fileId,
  open,
  categories,
  category,
  onClose,
  onPrint,
}: {
  fileId: number;
  open: boolean;
  categories: DocumentCategory[];
  category?: string;
  onClose: () => void;
  onPrint: (params: FormParams) => void;
}) {
  const t = useT();
  return (
    <FormModal<Values>
      title={t('cover.title')}
      intro={t('cover.intro')}
      open={open}
      onClose={onClose}
      width={640}
      okText={t('file.printCover')}
      initialValues={{ category, isOriginal: true }}
      onSubmit={async (v) => {
        onPrint({ fileId, category: v.category, title: v.title?.trim() || undefined, docDate: v.docDate?.format('YYYY-MM-DD'), isOriginal: v.isOriginal });
        onClose();
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <CategoryItem categories={categories} />
        </Col>
        <Col span={12}>
          <OriginalOrCopyItem />
        </Col>
        <Col span={16}>
          <TitleItem required={false} extra={t('cover.titleHint')} />
        </Col>
        <Col span={8}>
          <DocDateItem required={false} />
        </Col>
      </Row>
    </FormModal>
  );
}
