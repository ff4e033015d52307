import { Button, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { UnitPickerItem } from '@butie/contracts';
import { errorText } from '../../lib/form-errors';
import { useCounties } from './api/list-counties';
import { useUnitSearch } from './api/search-units';
import './unit-picker.css';

export interface PickedUnit {
  id: string;
  name: string;
  county: { id: string; name: string };
}

interface Props {
  /** The unit id (antd Form.Item passes value and onChange). */
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The unit already chosen, so that its name shows before any search. */
  current?: PickedUnit | null;
  /** Told the whole unit, e.g. to take its county. */
  onPick?: (unit: PickedUnit | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}

/**
 * 单位名称（支持选择注册成功的单位）: a search over approved units by name or credit code, narrowed by
 * county, paged by the API's cursor. Only what a registrant needs is shown: name, code, county.
 */
export function UnitPicker({ value, onChange, current, onPick, id, placeholder = '输入单位名称或统一社会信用代码搜索', ...aria }: Props) {
  const counties = useCounties();
  const [countyId, setCountyId] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const keyword = useDebounced(typed.trim(), 300);
  const [open, setOpen] = useState(false);
  const search = useUnitSearch(keyword, countyId, open || keyword !== '');
  const found = useMemo(() => search.data?.pages.flatMap((page) => page.items) ?? [], [search.data]);
  const [picked, setPicked] = useState<PickedUnit | null>(current ?? null);

  const options = useMemo(() => {
    const items: UnitPickerItem[] = [...found];
    const shown = picked ?? current;
    if (shown && shown.id === value && !items.some((item) => item.id === shown.id)) items.unshift({ ...shown, creditCode: '' });
    return items.map((item) => ({
      value: item.id,
      label: item.name,
      item,
    }));
  }, [found, picked, current, value]);

  return (
    <Space.Compact block className="unit-picker">
      <Select
        aria-label="按区县筛选单位"
        allowClear
        placeholder="全部区县"
        value={countyId}
        onChange={setCountyId}
        options={(counties.data ?? []).map((county) => ({ value: county.id, label: county.name }))}
        style={{ width: 120, flex: 'none' }}
      />
      <Select
        id={id}
        aria-label={aria['aria-label'] ?? '单位'}
        showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
        value={value}
        placeholder={placeholder}
        onOpenChange={setOpen}
        onChange={(next: string | undefined, option) => {
          const item = (Array.isArray(option) ? option[0] : option)?.item;
          const unit = item ? { id: item.id, name: item.name, county: item.county } : null;
          setPicked(unit);
          onPick?.(unit);
          onChange?.(next);
        }}
        allowClear
        loading={search.isFetching}
        options={options}
        optionRender={(option) => {
          const item = option.data.item;
          return (
            <div className="unit-option">
              <div>{item.name}</div>
              {item.creditCode && (
                <Typography.Text className="unit-option-meta">
                  {item.county.name} · {item.creditCode}
                </Typography.Text>
              )}
            </div>
          );
        }}
        notFoundContent={search.error ? errorText(search.error) : search.isFetching ? '正在搜索…' : keyword ? `没有找到「${keyword}」，请确认单位已注册并审核通过` : '暂无可选择的单位'}
        popupRender={(menu) => (
          <>
            {menu}
            {search.hasNextPage && (
              <Button type="link" block onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
                加载更多
              </Button>
            )}
          </>
        )}
        style={{ flex: 1, minWidth: 0 }}
        // Wider than the field on a phone (the county filter takes part of the row): names and codes fit.
        popupMatchSelectWidth={false}
        classNames={{ popup: { root: 'unit-picker-popup' } }}
        data-testid="unit-picker"
      />
    </Space.Compact>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
