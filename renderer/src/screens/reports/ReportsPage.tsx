import { FileExcelOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Input, Row, Segmented, Space, Spin, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { reportFormIds } from '../../../../shared/forms';
import { reportTitleLabels } from '../../../../shared/labels';
import { placeText, reportIds, type ReportId, type ReportSection } from '../../../../shared/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormPreview, type FormRequest } from '../../components/FormPreview';
import { ReportChartView } from '../../components/ReportChartView';
import { useLocaleStore, useT } from '../../i18n';
import { useReportsStore } from '../../stores/reports-store';
import { DeskTable } from '../../components/DeskTable';

/** One section: its chart with the table beside it, or the table alone (客户分类表 and the like). */
function SectionCard({ section }: { section: ReportSection }) {
  const rows = section.table.rows.map((r, i) => ({ ...r, __key: i }));
  const long = rows.length > 25;
  // A table of many columns would scroll sideways beside its chart: it goes under it instead.
  const wide = section.table.columns.length > 4;
  const table = (
    <DeskTable
      size="small"
      rowKey="__key"
      dataSource={rows}
      pagination={long ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={section.chart ? { y: 300 } : undefined}
      columns={section.table.columns.map((c) =>
        c.numeric ? { key: c.key, dataIndex: c.key, title: c.title, align: 'right' as const, width: 100 } : { key: c.key, dataIndex: c.key, title: c.title, wrap: true },
      )}
      summary={
        section.table.total
          ? () => (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  {section.table.columns.map((c, i) => (
                    <Table.Summary.Cell key={c.key} index={i} align={c.numeric ? 'right' : undefined}>
                      <strong>{section.table.total![c.key] ?? ''}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )
          : undefined
      }
    />
  );
  return (
    <Card size="small" title={section.title} data-testid={`report-section-${section.id}`}>
      {section.note ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {section.note}
        </Typography.Paragraph>
      ) : null}
      {section.chart ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={wide ? 24 : 14}>
            <ReportChartView chart={section.chart} label={section.title} />
          </Col>
          <Col xs={24} xl={wide ? 24 : 10}>
            {table}
          </Col>
        </Row>
      ) : (
        table
      )}
    </Card>
  );
}

/** 报表: the archive for management, each chart with its numbers; printable on A4 and to Excel. */
export function ReportsPage() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const s = useReportsStore();
  const [place, setPlace] = useState({ building: s.filters.building ?? '', floor: s.filters.floor ?? '' });
  const [printing, setPrinting] = useState<FormRequest | null>(null);
  const { load } = s;
  useEffect(() => {
    void load(locale);
  }, [s.reportId, s.filters, locale, load]);

  const range: [Dayjs, Dayjs] | null = s.filters.from && s.filters.to ? [dayjs(s.filters.from), dayjs(s.filters.to)] : null;
  const applyPlace = () => s.setFilters({ ...s.filters, building: place.building.trim() || undefined, floor: place.floor.trim() || undefined });
  const report = s.report;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented value={s.reportId} onChange={(v) => s.choose(v as ReportId)} options={reportIds.map((id) => ({ value: id, label: reportTitleLabels[locale][id] }))} />
      <Flex gap={8} wrap="wrap" align="center">
        <DatePicker.RangePicker
          aria-label={t('reports.period')}
          value={range}
          allowClear
          placeholder={[t('reports.from'), t('reports.to')]}
          onChange={(r) => s.setFilters({ ...s.filters, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
        <Input
          aria-label={t('reports.building')}
          placeholder={t('reports.building')}
          style={{ width: 120 }}
          allowClear
          value={place.building}
          onChange={(e) => setPlace({ ...place, building: e.target.value })}
          onPressEnter={applyPlace}
        />
        <Input
          aria-label={t('reports.floor')}
          placeholder={t('reports.floor')}
          style={{ width: 90 }}
          allowClear
          value={place.floor}
          onChange={(e) => setPlace({ ...place, floor: e.target.value })}
          onPressEnter={applyPlace}
        />
        <Button icon={<ReloadOutlined />} onClick={applyPlace} loading={s.loading}>
          {t('reports.apply')}
        </Button>
        <Button icon={<PrinterOutlined />} disabled={!report} onClick={() => setPrinting({ formId: reportFormIds[s.reportId], blank: false, params: { ...s.filters } })}>
          {t('reports.print')}
        </Button>
        <Button icon={<FileExcelOutlined />} disabled={!report} loading={s.exporting} onClick={() => void s.exportXlsx(locale)}>
          {t('reports.export')}
        </Button>
      </Flex>
      <ErrorAlert error={s.error} />
      {!report ? (
        s.loading ? (
          <Spin />
        ) : (
          <Empty />
        )
      ) : (
        <Spin spinning={s.loading}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text type="secondary" data-testid="report-period">
              {t('reports.showing', {
                from: report.filters.from ?? t('reports.allTime'),
                to: report.filters.to,
                place: placeText(report.filters.building, report.filters.floor) || t('reports.allBuildings'),
              })}
            </Typography.Text>
            <Card size="small">
              <Flex gap={48} wrap="wrap">
                {report.figures.map((f) => (
                  <Statistic key={f.label} title={f.label} value={f.value} />
                ))}
              </Flex>
            </Card>
            {report.sections.map((section) => (
              <SectionCard key={section.id} section={section} />
            ))}
          </Space>
        </Spin>
      )}
      <FormPreview request={printing} onClose={() => setPrinting(null)} />
    </Space>
  );
}
