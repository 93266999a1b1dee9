/**
 * Demo city data for Beacon IOC: the three wards of former Tuy Hòa city (Đắk Lắk province since
 * 1 July 2025), their units, categories, routing rules, demo logins and realistic report texts.
 *
 * Pure data: no I/O and no imports, so the seed script, the simulator and tests can all use it.
 *
 * The ward boundaries are APPROXIMATE and drawn by hand for the demo (each area's `note` says so):
 * Phường Phú Yên lies south of the Đà Rằng river, Phường Tuy Hòa is the old centre on the north bank
 * and Phường Bình Kiến wraps around it to the west and north. Neighbouring rings are built from the
 * same named vertices below, so shared boundaries are identical (no gaps, no overlaps) and the sea
 * (East Sea, to the east) is left out. Coordinates are GeoJSON order: [lng, lat].
 */

export interface DemoArea {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Always "approximate demo boundaries" so the UI and README can mark them. */
  note: string;
  /** GeoJSON polygon, [lng, lat], one closed counter-clockwise outer ring. */
  geometry: { type: 'Polygon'; coordinates: number[][][] };
  /** First day the boundary is valid (ISO date); the 2025 two-tier reform took effect on 1 July 2025. */
  validFrom: string;
  /** Old wards and communes merged into this ward in 2025. */
  formerVi: string[];
}

export interface DemoUnit {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: 'ioc' | 'department' | 'company' | 'ward_committee';
  areaCode?: string;
}

export interface DemoCategory {
  code: string;
  nameVi: string;
  nameEn: string;
  groupCode: string;
  groupVi: string;
  groupEn: string;
  icon: 'traffic' | 'lightbulb' | 'tree' | 'road' | 'shield' | 'trash';
  defaultPriority: 'low' | 'normal' | 'high' | 'urgent';
  deadline: { value: number; unit: 'hours' | 'working_days' };
  sortOrder: number;
  /** Short description (Open311 `description`). */
  descriptionVi: string;
  descriptionEn: string;
  /** Search keywords (Open311 `keywords`), Vietnamese. */
  keywords: string[];
  /** Extra questions (Open311 attributes). */
  questions?: DemoQuestion[];
  /** Dispatch to the routed unit at receipt, without IOC verification. */
  autoDispatch?: boolean;
  /** Deadlines of the other priorities (`deadline` is the normal one). */
  deadlinesByPriority?: Partial<Record<'low' | 'high' | 'urgent', { value: number; unit: 'hours' | 'working_days' }>>;
  /** `hidden` keeps a sensitive category's reports off the public map. */
  publicLocation?: 'approximate' | 'hidden';
}

/** An extra question of a category (same shape as the shared CategoryQuestion). */
export interface DemoQuestion {
  code: string;
  label: { vi: string; en: string };
  hint?: { vi: string; en: string };
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  order: number;
  values?: { key: string; name: { vi: string; en: string } }[];
}

/** (category, area) -> unit; null means any. The most specific rule wins; no match goes to the IOC. */
export interface DemoRule {
  categoryCode: string | null;
  areaCode: string | null;
  unitCode: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'operator' | 'staff' | 'leader' | 'admin';
  unitCode?: string;
}

/** A real-ish street or landmark; the point lies inside the polygon of `areaCode`. */
export interface DemoPlace {
  street: string;
  areaCode: string;
  lat: number;
  lng: number;
}

/** A reply template for staff, per category (null = any) and action, in both languages. */
export interface DemoTemplate {
  categoryCode: string | null;
  action: 'acknowledge' | 'resolve' | 'hand_back';
  titleVi: string;
  titleEn: string;
  textVi: string;
  textEn: string;
  sortOrder: number;
}

export interface DemoCity {
  areas: DemoArea[];
  units: DemoUnit[];
  categories: DemoCategory[];
  rules: DemoRule[];
  users: DemoUser[];
  /** Leaders of one unit (they see that unit's figures only); same demo password. */
  unitLeaders: DemoUser[];
  /** Reply templates staff pick from when acknowledging, resolving or handing back. */
  templates: DemoTemplate[];
  places: DemoPlace[];
  /** Resident-style report texts per category code. */
  descriptions: Record<string, string[]>;
  /** Unit resolution replies per category code. */
  replies: Record<string, string[]>;
  rejectReasons: string[];
  handBackReasons: string[];
  residentNames: string[];
}

type Vertex = readonly [lng: number, lat: number];

/** A closed GeoJSON ring from distinct vertices: fresh arrays, first vertex repeated at the end. */
function closedRing(vertices: readonly Vertex[]): number[][] {
  const ring = vertices.map(([lng, lat]) => [lng, lat]);
  const first = vertices[0];
  if (first) ring.push([first[0], first[1]]);
  return ring;
}

// ---------------------------------------------------------------------------------------------
// Shared boundary vertices (approximate).
// ---------------------------------------------------------------------------------------------

/** Tri-point of the three wards on the north bank of the Đà Rằng river, west of the centre. */
const TRI: Vertex = [109.27, 13.082];

/** Đà Rằng river, west to east, from the tri-point to the river mouth (Phường Tuy Hòa | Phường Phú Yên). */
const RIVER: readonly Vertex[] = [
  [109.28, 13.0835],
  [109.29, 13.0835], // horizontal edge: (109.285, 13.0835) lies exactly on the Tuy Hòa / Phú Yên boundary
  [109.3, 13.0825],
  [109.31, 13.08],
  [109.32, 13.077],
];
/** Cửa Đà Rằng, the river mouth on the coast. */
const MOUTH: Vertex = [109.33, 13.074];

/** Coast of Phường Tuy Hòa, south to north (Bãi biển Tuy Hòa, Đường Độc Lập). */
const COAST_TUY_HOA: readonly Vertex[] = [
  [109.3265, 13.085],
  [109.323, 13.098],
  [109.32, 13.11],
];
/** Where the Tuy Hòa / Bình Kiến boundary meets the coast. */
const COAST_NORTH: Vertex = [109.318, 13.118];

/** Tuy Hòa / Bình Kiến boundary, from the coast westwards and south to the tri-point (exclusive). */
const NORTH_EDGE: readonly Vertex[] = [
  [109.305, 13.12],
  [109.295, 13.12], // horizontal edge: (109.3, 13.12) lies exactly on the Tuy Hòa / Bình Kiến boundary
  [109.285, 13.11],
  [109.278, 13.1],
  [109.273, 13.09],
];

/** Coast of An Phú (Phường Bình Kiến), south to north. */
const COAST_AN_PHU: readonly Vertex[] = [
  [109.314, 13.135],
  [109.31, 13.15],
  [109.306, 13.165],
  [109.302, 13.178],
];

/** Outer boundary of Phường Bình Kiến, from the north coast westwards, then south and back east along the river. */
const BINH_KIEN_OUTER: readonly Vertex[] = [
  [109.285, 13.178],
  [109.265, 13.17],
  [109.245, 13.16],
  [109.225, 13.15],
  [109.205, 13.135],
  [109.195, 13.115],
  [109.2, 13.095],
  [109.22, 13.082],
  [109.245, 13.08],
];

/** Coast of Phú Đông and Phú Thạnh (Phường Phú Yên), north to south, past the Tuy Hòa airport. */
const COAST_PHU_YEN: readonly Vertex[] = [
  [109.338, 13.065],
  [109.344, 13.055],
  [109.348, 13.045],
  [109.349, 13.03],
];

/** Southern and western boundary of Phường Phú Yên (Phú Thạnh, Phú Lâm), east to west and north to the river. */
const PHU_YEN_OUTER: readonly Vertex[] = [
  [109.335, 13.022],
  [109.32, 13.018],
  [109.305, 13.02],
  [109.29, 13.028],
  [109.28, 13.04],
  [109.274, 13.055],
  [109.271, 13.07],
];

const rev = (vertices: readonly Vertex[]): Vertex[] => [...vertices].reverse();

// Counter-clockwise rings (interior on the left).
const RING_TUY_HOA = closedRing([TRI, ...RIVER, MOUTH, ...COAST_TUY_HOA, COAST_NORTH, ...NORTH_EDGE]);
const RING_PHU_YEN = closedRing([TRI, ...rev(PHU_YEN_OUTER), ...rev(COAST_PHU_YEN), MOUTH, ...rev(RIVER)]);
const RING_BINH_KIEN = closedRing([TRI, ...rev(NORTH_EDGE), COAST_NORTH, ...COAST_AN_PHU, ...BINH_KIEN_OUTER]);

const APPROXIMATE = 'approximate demo boundaries';
const REFORM_DATE = '2025-07-01';

export const demoCity: DemoCity = {
  areas: [
    {
      code: 'phuong-tuy-hoa',
      nameVi: 'Phường Tuy Hòa',
      nameEn: 'Tuy Hoa Ward',
      note: APPROXIMATE,
      geometry: { type: 'Polygon', coordinates: [RING_TUY_HOA] },
      validFrom: REFORM_DATE,
      formerVi: ['Phường 1', 'Phường 2', 'Phường 4', 'Phường 5', 'Phường 7', 'một phần Phường 9'],
    },
    {
      code: 'phuong-phu-yen',
      nameVi: 'Phường Phú Yên',
      nameEn: 'Phu Yen Ward',
      note: APPROXIMATE,
      geometry: { type: 'Polygon', coordinates: [RING_PHU_YEN] },
      validFrom: REFORM_DATE,
      formerVi: ['Phường Phú Thạnh', 'Phường Phú Đông', 'Phường Phú Lâm'],
    },
    {
      code: 'phuong-binh-kien',
      nameVi: 'Phường Bình Kiến',
      nameEn: 'Binh Kien Ward',
      note: APPROXIMATE,
      geometry: { type: 'Polygon', coordinates: [RING_BINH_KIEN] },
      validFrom: REFORM_DATE,
      formerVi: ['Xã Hòa Kiến', 'Xã Bình Kiến', 'Xã An Phú', 'một phần Phường 9'],
    },
  ],

  units: [
    {
      code: 'ioc',
      nameVi: 'Trung tâm Giám sát, điều hành đô thị thông minh (IOC)',
      nameEn: 'Smart City Operations Center (IOC)',
      kind: 'ioc',
    },
    {
      code: 'urban-management',
      nameVi: 'Phòng Quản lý đô thị',
      nameEn: 'Urban Management Division',
      kind: 'department',
    },
    {
      code: 'public-lighting',
      nameVi: 'Công ty Chiếu sáng công cộng',
      nameEn: 'Public Lighting Company',
      kind: 'company',
    },
    { code: 'parks-trees', nameVi: 'Công ty Công viên cây xanh', nameEn: 'Parks and Trees Company', kind: 'company' },
    { code: 'traffic-police', nameVi: 'Đội Cảnh sát giao thông', nameEn: 'Traffic Police Team', kind: 'department' },
    {
      code: 'environment',
      nameVi: 'Công ty Môi trường đô thị',
      nameEn: 'Urban Environment and Sanitation Company',
      kind: 'company',
    },
    {
      code: 'ubnd-phuong-tuy-hoa',
      nameVi: 'UBND Phường Tuy Hòa',
      nameEn: "Tuy Hoa Ward People's Committee",
      kind: 'ward_committee',
      areaCode: 'phuong-tuy-hoa',
    },
    {
      code: 'ubnd-phuong-phu-yen',
      nameVi: 'UBND Phường Phú Yên',
      nameEn: "Phu Yen Ward People's Committee",
      kind: 'ward_committee',
      areaCode: 'phuong-phu-yen',
    },
    {
      code: 'ubnd-phuong-binh-kien',
      nameVi: 'UBND Phường Bình Kiến',
      nameEn: "Binh Kien Ward People's Committee",
      kind: 'ward_committee',
      areaCode: 'phuong-binh-kien',
    },
  ],

  categories: [
    {
      code: 'traffic',
      nameVi: 'Giao thông',
      nameEn: 'Traffic',
      groupCode: 'giao-thong',
      groupVi: 'Giao thông',
      groupEn: 'Traffic',
      icon: 'traffic',
      defaultPriority: 'high',
      deadline: { value: 4, unit: 'hours' },
      deadlinesByPriority: { urgent: { value: 2, unit: 'hours' }, low: { value: 1, unit: 'working_days' } },
      sortOrder: 1,
      autoDispatch: true,
      descriptionVi: 'Đèn tín hiệu hỏng, ùn tắc, đậu đỗ xe sai quy định, biển báo hư hỏng.',
      descriptionEn: 'Broken traffic lights, congestion, illegal parking, damaged road signs.',
      keywords: ['đèn tín hiệu', 'ùn tắc', 'kẹt xe', 'đậu xe', 'biển báo'],
      questions: [
        {
          code: 'kind',
          label: { vi: 'Loại sự cố giao thông', en: 'Kind of traffic problem' },
          datatype: 'singlevaluelist',
          required: false,
          order: 1,
          values: [
            { key: 'signal', name: { vi: 'Đèn tín hiệu hỏng', en: 'Traffic light broken' } },
            { key: 'jam', name: { vi: 'Ùn tắc', en: 'Congestion' } },
            { key: 'parking', name: { vi: 'Đỗ xe sai quy định', en: 'Illegal parking' } },
            { key: 'sign', name: { vi: 'Biển báo hư hỏng', en: 'Damaged sign' } },
          ],
        },
      ],
    },
    {
      code: 'street_lighting',
      nameVi: 'Chiếu sáng công cộng',
      nameEn: 'Street lighting',
      groupCode: 'ha-tang',
      groupVi: 'Hạ tầng đô thị',
      groupEn: 'Urban infrastructure',
      icon: 'lightbulb',
      defaultPriority: 'normal',
      deadline: { value: 2, unit: 'working_days' },
      deadlinesByPriority: { urgent: { value: 4, unit: 'hours' }, high: { value: 1, unit: 'working_days' } },
      sortOrder: 2,
      descriptionVi: 'Đèn đường không sáng, sáng ban ngày, chập chờn; cột đèn, tủ điện hư hỏng.',
      descriptionEn: 'Street lights out, on in daytime or flickering; damaged poles and control cabinets.',
      keywords: ['đèn đường', 'chiếu sáng', 'cột đèn', 'tủ điện'],
      questions: [
        {
          code: 'fault',
          label: { vi: 'Đèn hỏng như thế nào?', en: 'What is wrong with the light?' },
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          values: [
            { key: 'off', name: { vi: 'Không sáng', en: 'Not lit' } },
            { key: 'day', name: { vi: 'Sáng cả ban ngày', en: 'On in daytime' } },
            { key: 'flicker', name: { vi: 'Chập chờn', en: 'Flickering' } },
            { key: 'damaged', name: { vi: 'Cột hoặc tủ điện hư hỏng', en: 'Damaged pole or cabinet' } },
          ],
        },
        {
          code: 'pole_number',
          label: { vi: 'Số hiệu cột đèn (nếu thấy)', en: 'Pole number (if visible)' },
          hint: { vi: 'Số sơn trên thân cột, ví dụ TH-0512', en: 'Painted on the pole, e.g. TH-0512' },
          datatype: 'string',
          required: false,
          order: 2,
        },
      ],
    },
    {
      code: 'trees',
      nameVi: 'Cây xanh',
      nameEn: 'Trees',
      groupCode: 'moi-truong',
      groupVi: 'Môi trường, cây xanh',
      groupEn: 'Environment and greenery',
      icon: 'tree',
      defaultPriority: 'high',
      deadline: { value: 1, unit: 'working_days' },
      deadlinesByPriority: { urgent: { value: 4, unit: 'hours' } },
      sortOrder: 3,
      descriptionVi: 'Cây đổ, cây nghiêng, cành gãy, cây chạm đường dây điện, chặt phá cây xanh.',
      descriptionEn: 'Fallen or leaning trees, broken branches, trees touching power lines, illegal felling.',
      keywords: ['cây đổ', 'cây nghiêng', 'cành gãy', 'cắt tỉa'],
      questions: [
        {
          code: 'blocking',
          label: { vi: 'Cây có đang chắn đường không?', en: 'Is the tree blocking the road?' },
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          values: [
            { key: 'yes', name: { vi: 'Có, chắn lối đi', en: 'Yes, it blocks the way' } },
            { key: 'no', name: { vi: 'Không', en: 'No' } },
          ],
        },
      ],
    },
    {
      code: 'urban_infrastructure',
      nameVi: 'Hạ tầng đô thị',
      nameEn: 'Urban infrastructure',
      groupCode: 'ha-tang',
      groupVi: 'Hạ tầng đô thị',
      groupEn: 'Urban infrastructure',
      icon: 'road',
      defaultPriority: 'normal',
      deadline: { value: 3, unit: 'working_days' },
      deadlinesByPriority: { urgent: { value: 4, unit: 'hours' }, high: { value: 1, unit: 'working_days' } },
      sortOrder: 4,
      descriptionVi: 'Ổ gà, sụt lún mặt đường, vỉa hè hư hỏng, mất nắp hố ga, cống thoát nước bị tắc.',
      descriptionEn: 'Potholes, subsidence, broken pavements, missing manhole covers, blocked drains.',
      keywords: ['ổ gà', 'vỉa hè', 'hố ga', 'cống', 'ngập nước'],
    },
    {
      code: 'social_order',
      nameVi: 'An ninh, trật tự',
      nameEn: 'Security and public order',
      groupCode: 'an-ninh-trat-tu',
      groupVi: 'An ninh, trật tự',
      groupEn: 'Security and public order',
      icon: 'shield',
      defaultPriority: 'high',
      deadline: { value: 24, unit: 'hours' },
      deadlinesByPriority: { urgent: { value: 4, unit: 'hours' } },
      sortOrder: 5,
      // Reports of disturbances and suspects name where people live: kept off the public map.
      publicLocation: 'hidden',
      descriptionVi: 'Gây rối, tụ tập, ồn ào ban đêm, lấn chiếm vỉa hè, quảng cáo rao vặt trái phép.',
      descriptionEn: 'Disturbances, gatherings, night-time noise, pavement encroachment, illegal flyposting.',
      keywords: ['gây rối', 'ồn ào', 'lấn chiếm', 'trộm cắp'],
    },
    {
      code: 'environment',
      nameVi: 'Môi trường, vệ sinh',
      nameEn: 'Environment and sanitation',
      groupCode: 'moi-truong',
      groupVi: 'Môi trường, cây xanh',
      groupEn: 'Environment and greenery',
      icon: 'trash',
      defaultPriority: 'normal',
      deadline: { value: 2, unit: 'working_days' },
      sortOrder: 6,
      descriptionVi: 'Rác tồn đọng, đổ trộm rác và xà bần, nước thải, mùi hôi, vệ sinh bãi biển.',
      descriptionEn: 'Uncollected garbage, illegal dumping, waste water, bad smells, beach cleanliness.',
      keywords: ['rác', 'đổ trộm', 'nước thải', 'mùi hôi', 'vệ sinh'],
    },
  ],

  rules: [
    { categoryCode: 'street_lighting', areaCode: null, unitCode: 'public-lighting' },
    { categoryCode: 'trees', areaCode: null, unitCode: 'parks-trees' },
    { categoryCode: 'traffic', areaCode: null, unitCode: 'traffic-police' },
    { categoryCode: 'environment', areaCode: null, unitCode: 'environment' },
    { categoryCode: 'urban_infrastructure', areaCode: null, unitCode: 'urban-management' },
    // Area-specific rule that beats the general one above.
    { categoryCode: 'urban_infrastructure', areaCode: 'phuong-phu-yen', unitCode: 'ubnd-phuong-phu-yen' },
    // Social order goes to the ward's committee; no general rule, so outside every area it goes to the IOC.
    { categoryCode: 'social_order', areaCode: 'phuong-tuy-hoa', unitCode: 'ubnd-phuong-tuy-hoa' },
    { categoryCode: 'social_order', areaCode: 'phuong-phu-yen', unitCode: 'ubnd-phuong-phu-yen' },
    { categoryCode: 'social_order', areaCode: 'phuong-binh-kien', unitCode: 'ubnd-phuong-binh-kien' },
  ],

  users: [
    { username: 'operator', displayName: 'Nguyễn Thị Lan', role: 'operator', unitCode: 'ioc' },
    { username: 'staff.lighting', displayName: 'Trần Văn Minh', role: 'staff', unitCode: 'public-lighting' },
    { username: 'leader', displayName: 'Lê Hoàng Nam', role: 'leader' },
    { username: 'admin', displayName: 'Phạm Quốc Huy', role: 'admin', unitCode: 'ioc' },
    { username: 'staff.trees', displayName: 'Võ Thị Hạnh', role: 'staff', unitCode: 'parks-trees' },
    { username: 'staff.urban', displayName: 'Huỳnh Văn Phúc', role: 'staff', unitCode: 'urban-management' },
    { username: 'staff.traffic', displayName: 'Đặng Quang Vinh', role: 'staff', unitCode: 'traffic-police' },
    { username: 'staff.environment', displayName: 'Bùi Thị Thu Trang', role: 'staff', unitCode: 'environment' },
    { username: 'staff.tuyhoa', displayName: 'Ngô Đức Thắng', role: 'staff', unitCode: 'ubnd-phuong-tuy-hoa' },
    { username: 'staff.phuyen', displayName: 'Đoàn Thị Mỹ Linh', role: 'staff', unitCode: 'ubnd-phuong-phu-yen' },
    { username: 'staff.binhkien', displayName: 'Lưu Văn Hiếu', role: 'staff', unitCode: 'ubnd-phuong-binh-kien' },
  ],

  unitLeaders: [
    { username: 'leader.lighting', displayName: 'Phan Thanh Tùng', role: 'leader', unitCode: 'public-lighting' },
  ],

  templates: [
    // For any category.
    {
      categoryCode: null,
      action: 'acknowledge',
      titleVi: 'Đã tiếp nhận',
      titleEn: 'Received',
      textVi: 'Đơn vị đã tiếp nhận phản ánh và sẽ cử cán bộ kiểm tra, xử lý trong thời gian sớm nhất.',
      textEn: 'We have received your report and will send someone to check and fix it as soon as possible.',
      sortOrder: 1,
    },
    {
      categoryCode: null,
      action: 'resolve',
      titleVi: 'Đã xử lý xong',
      titleEn: 'Resolved',
      textVi: 'Đơn vị đã xử lý xong nội dung phản ánh. Cảm ơn bạn đã chung tay xây dựng thành phố văn minh, sạch đẹp.',
      textEn: 'The problem you reported has been fixed. Thank you for helping keep the city clean and safe.',
      sortOrder: 9,
    },
    {
      categoryCode: null,
      action: 'hand_back',
      titleVi: 'Không thuộc phạm vi quản lý',
      titleEn: 'Not our responsibility',
      textVi: 'Nội dung phản ánh không thuộc phạm vi quản lý của đơn vị, đề nghị IOC chuyển đơn vị có thẩm quyền.',
      textEn: "This report is outside our unit's responsibility; please forward it to the competent unit.",
      sortOrder: 1,
    },
    {
      categoryCode: null,
      action: 'hand_back',
      titleVi: 'Địa bàn đơn vị khác',
      titleEn: "Another unit's area",
      textVi: 'Vị trí phản ánh thuộc địa bàn do đơn vị khác phụ trách, đề nghị IOC điều phối lại.',
      textEn: 'The location is in an area another unit looks after; please re-route the report.',
      sortOrder: 2,
    },
    // Per category.
    {
      categoryCode: 'street_lighting',
      action: 'acknowledge',
      titleVi: 'Đội sửa chữa sẽ kiểm tra',
      titleEn: 'Repair crew on its way',
      textVi: 'Công ty Chiếu sáng công cộng đã tiếp nhận, đội sửa chữa sẽ kiểm tra trong ca trực tối nay.',
      textEn:
        "The public lighting company has received your report; the repair crew will check it during tonight's shift.",
      sortOrder: 1,
    },
    {
      categoryCode: 'street_lighting',
      action: 'resolve',
      titleVi: 'Đã thay bóng đèn',
      titleEn: 'Lamp replaced',
      textVi: 'Đã thay bóng đèn và kiểm tra tủ điện, đèn đã sáng bình thường.',
      textEn: 'The lamp was replaced and the control cabinet checked; the light works normally again.',
      sortOrder: 1,
    },
    {
      categoryCode: 'street_lighting',
      action: 'resolve',
      titleVi: 'Đã khắc phục đứt cáp',
      titleEn: 'Cable repaired',
      textVi: 'Đã khắc phục sự cố đứt cáp ngầm, toàn tuyến đã sáng trở lại.',
      textEn: 'The broken underground cable was repaired; the whole street is lit again.',
      sortOrder: 2,
    },
    {
      categoryCode: 'trees',
      action: 'resolve',
      titleVi: 'Đã cắt tỉa, dọn dẹp',
      titleEn: 'Branches cut and cleared',
      textVi: 'Đã cắt tỉa nhánh gãy và dọn sạch mặt đường.',
      textEn: 'The broken branches were cut and the road was cleared.',
      sortOrder: 1,
    },
    {
      categoryCode: 'urban_infrastructure',
      action: 'resolve',
      titleVi: 'Đã vá ổ gà',
      titleEn: 'Pothole patched',
      textVi: 'Đã vá ổ gà bằng bê tông nhựa, mặt đường đã êm thuận.',
      textEn: 'The pothole was patched with asphalt; the road is smooth again.',
      sortOrder: 1,
    },
    {
      categoryCode: 'environment',
      action: 'resolve',
      titleVi: 'Đã thu gom rác',
      titleEn: 'Waste collected',
      textVi: 'Đã thu gom toàn bộ rác tồn đọng và vệ sinh khu vực.',
      textEn: 'All the uncollected waste was picked up and the area was cleaned.',
      sortOrder: 1,
    },
    {
      categoryCode: 'traffic',
      action: 'acknowledge',
      titleVi: 'Đã điều lực lượng',
      titleEn: 'Officers sent',
      textVi: 'Đã điều tổ Cảnh sát giao thông đến hiện trường phân luồng, bảo đảm an toàn.',
      textEn: 'A traffic police team has been sent to the scene to direct traffic.',
      sortOrder: 1,
    },
  ],

  places: [
    // Phường Tuy Hòa: the old centre on the north bank of the Đà Rằng.
    { street: 'Tháp Nhạn', areaCode: 'phuong-tuy-hoa', lat: 13.088, lng: 109.3 },
    { street: 'Quảng trường 1 Tháng 4', areaCode: 'phuong-tuy-hoa', lat: 13.0903, lng: 109.3018 },
    { street: 'Chợ Tuy Hòa', areaCode: 'phuong-tuy-hoa', lat: 13.0935, lng: 109.2975 },
    { street: 'Đường Trần Hưng Đạo', areaCode: 'phuong-tuy-hoa', lat: 13.0952, lng: 109.3082 },
    { street: 'Đường Hùng Vương', areaCode: 'phuong-tuy-hoa', lat: 13.1005, lng: 109.3125 },
    { street: 'Đường Lê Duẩn', areaCode: 'phuong-tuy-hoa', lat: 13.0992, lng: 109.3002 },
    { street: 'Đường Độc Lập', areaCode: 'phuong-tuy-hoa', lat: 13.1012, lng: 109.3195 },
    { street: 'Bãi biển Tuy Hòa', areaCode: 'phuong-tuy-hoa', lat: 13.092, lng: 109.3218 },
    { street: 'Đường Nguyễn Tất Thành', areaCode: 'phuong-tuy-hoa', lat: 13.0878, lng: 109.2925 },
    { street: 'Đường Nguyễn Huệ', areaCode: 'phuong-tuy-hoa', lat: 13.0928, lng: 109.3052 },
    { street: 'Đường Lê Lợi', areaCode: 'phuong-tuy-hoa', lat: 13.0963, lng: 109.3031 },
    { street: 'Đường Lê Thánh Tôn', areaCode: 'phuong-tuy-hoa', lat: 13.0918, lng: 109.2995 },
    { street: 'Đường Nguyễn Trãi', areaCode: 'phuong-tuy-hoa', lat: 13.1035, lng: 109.3068 },
    { street: 'Đường Nguyễn Công Trứ', areaCode: 'phuong-tuy-hoa', lat: 13.0898, lng: 109.3105 },
    { street: 'Đường Bạch Đằng', areaCode: 'phuong-tuy-hoa', lat: 13.0822, lng: 109.3152 },
    { street: 'Công viên Hồ sen', areaCode: 'phuong-tuy-hoa', lat: 13.1048, lng: 109.2942 },
    { street: 'Đường Trường Chinh', areaCode: 'phuong-tuy-hoa', lat: 13.1085, lng: 109.2905 },
    // Phường Phú Yên: Phú Lâm, Phú Đông and Phú Thạnh, south of the river, around the airport.
    { street: 'Cảng hàng không Tuy Hòa', areaCode: 'phuong-phu-yen', lat: 13.0496, lng: 109.3339 },
    { street: 'Đầu cầu Đà Rằng (phía Nam)', areaCode: 'phuong-phu-yen', lat: 13.0795, lng: 109.2932 },
    { street: 'Đầu cầu Hùng Vương (phía Nam)', areaCode: 'phuong-phu-yen', lat: 13.0755, lng: 109.3122 },
    { street: 'Quốc lộ 1 (đoạn Phú Lâm)', areaCode: 'phuong-phu-yen', lat: 13.0702, lng: 109.2878 },
    { street: 'Chợ Phú Lâm', areaCode: 'phuong-phu-yen', lat: 13.0648, lng: 109.2921 },
    { street: 'Đường Nguyễn Văn Linh', areaCode: 'phuong-phu-yen', lat: 13.0598, lng: 109.3003 },
    { street: 'Khu đô thị Nam Tuy Hòa', areaCode: 'phuong-phu-yen', lat: 13.0652, lng: 109.3098 },
    { street: 'Đường Hùng Vương (đoạn Phú Đông)', areaCode: 'phuong-phu-yen', lat: 13.0683, lng: 109.3205 },
    { street: 'Đường Đông Tác', areaCode: 'phuong-phu-yen', lat: 13.0552, lng: 109.3248 },
    { street: 'Đường ven biển Phú Thạnh', areaCode: 'phuong-phu-yen', lat: 13.0415, lng: 109.3418 },
    { street: 'Trường Tiểu học Phú Lâm', areaCode: 'phuong-phu-yen', lat: 13.0485, lng: 109.2955 },
    // Phường Bình Kiến: Hòa Kiến and Bình Kiến to the west and north, An Phú along the coast.
    { street: 'Quốc lộ 1 (đoạn Bình Kiến)', areaCode: 'phuong-binh-kien', lat: 13.1252, lng: 109.2748 },
    { street: 'Chợ Bình Kiến', areaCode: 'phuong-binh-kien', lat: 13.1148, lng: 109.2695 },
    { street: 'Đường Nguyễn Hữu Thọ', areaCode: 'phuong-binh-kien', lat: 13.1302, lng: 109.2852 },
    { street: 'Núi Chóp Chài', areaCode: 'phuong-binh-kien', lat: 13.1395, lng: 109.2598 },
    { street: 'Đường liên thôn Hòa Kiến', areaCode: 'phuong-binh-kien', lat: 13.1205, lng: 109.2455 },
    { street: 'Khu dân cư Hòa Kiến', areaCode: 'phuong-binh-kien', lat: 13.1052, lng: 109.2245 },
    { street: 'Đường liên phường Bình Kiến – An Phú', areaCode: 'phuong-binh-kien', lat: 13.1402, lng: 109.2902 },
    { street: 'Đường ven biển An Phú', areaCode: 'phuong-binh-kien', lat: 13.1498, lng: 109.3048 },
    { street: 'Chợ An Phú', areaCode: 'phuong-binh-kien', lat: 13.1553, lng: 109.3001 },
    { street: 'Khu công nghiệp An Phú', areaCode: 'phuong-binh-kien', lat: 13.1602, lng: 109.2948 },
    { street: 'Đường Trần Phú (đoạn Bình Kiến)', areaCode: 'phuong-binh-kien', lat: 13.0955, lng: 109.2605 },
  ],

  descriptions: {
    traffic: [
      'Đèn tín hiệu giao thông ở ngã tư bị tắt từ sáng, xe cộ đi lộn xộn rất dễ va chạm.',
      'Đèn xanh đèn đỏ tại ngã ba này chỉ nháy vàng liên tục, giờ tan tầm kẹt xe kéo dài.',
      'Ô tô đậu hai bên đường trước cổng trường, giờ đón học sinh xe máy không lưu thông được.',
      'Có xe tải đậu chiếm gần hết lòng đường từ tối qua đến giờ, không thấy tài xế đâu.',
      'Biển báo cấm dừng đỗ bị gió làm gãy, đổ nằm dưới lề đường.',
      'Kẹt xe kéo dài hơn 500 mét từ đầu cầu, đề nghị cử lực lượng phân luồng.',
      'Xe máy chạy ngược chiều thường xuyên ở đoạn này vào giờ cao điểm, rất nguy hiểm cho người đi bộ.',
      'Nhiều thanh niên chạy xe lạng lách, bốc đầu trên đường vào ban đêm, người dân rất lo sợ.',
      'Vạch sơn dành cho người đi bộ qua đường đã mờ hẳn, người già qua đường rất khó.',
      'Đèn tín hiệu bị xoay lệch hướng sau cơn mưa lớn, xe từ hướng bên kia không nhìn thấy đèn.',
      'Có vụ va chạm giữa hai xe máy, xe vẫn nằm giữa đường gây ùn tắc.',
      'Xe khách dừng đón trả khách ngay tại ngã tư, gây ùn ứ kéo dài.',
    ],
    street_lighting: [
      'Đèn đường trước số nhà 125 không sáng mấy đêm nay, đi lại rất nguy hiểm.',
      'Cả dãy đèn đường trên đoạn này tắt từ ba hôm nay, buổi tối tối om.',
      'Đèn đường chập chờn lúc sáng lúc tắt suốt đêm.',
      'Đèn đường vẫn sáng vào ban ngày, gây lãng phí điện.',
      'Cột đèn bị xe tông nghiêng hẳn, có nguy cơ đổ xuống đường.',
      'Tủ điện chiếu sáng bên đường bị mở cửa, dây điện lòi ra ngoài, trẻ em hay chơi gần đó.',
      'Bóng đèn trong công viên bị vỡ, khu vực ghế đá buổi tối không có ánh sáng.',
      'Đèn trang trí trên dải phân cách không sáng, một số dây đèn bị đứt rủ xuống.',
      'Đèn chiếu sáng trong hẻm bị cháy bóng hơn một tuần, người dân phải dùng đèn pin.',
      'Dây cáp điện chiếu sáng bị đứt, treo lơ lửng sau cơn mưa lớn.',
      'Đèn đường bị tán cây che khuất hoàn toàn, mặt đường bên dưới rất tối.',
      'Khu vực đầu cầu không có đèn chiếu sáng, ban đêm xe đi qua rất dễ xảy ra tai nạn.',
    ],
    trees: [
      'Cây phượng trước cổng trường bị gãy một nhánh lớn, đè lên lề đường.',
      'Cây xà cừ nghiêng hẳn ra đường sau trận mưa to, có nguy cơ đổ vào nhà dân.',
      'Cây đổ chắn ngang đường, xe máy không qua được.',
      'Cành cây khô lớn treo lơ lửng phía trên vỉa hè, gió mạnh có thể rơi trúng người đi đường.',
      'Cây xanh mọc chạm vào đường dây điện, mỗi lần có gió là tóe lửa.',
      'Rễ cây trồi lên làm bong vỡ cả một đoạn vỉa hè.',
      'Có người chặt phá cây xanh trên vỉa hè để treo bảng hiệu.',
      'Cây bàng trong công viên bị mối ăn rỗng gốc, đề nghị kiểm tra trước mùa mưa bão.',
      'Cành cây che khuất biển báo giao thông ở ngã tư, tài xế không nhìn thấy.',
      'Sau bão, nhiều cành cây gãy vẫn nằm trên vỉa hè chưa được dọn.',
      'Cây mới trồng trên dải phân cách bị chết khô, không thấy ai chăm sóc.',
      'Gốc cây bị đốt cháy, thân cây đã nghiêng, nguy hiểm cho người qua lại.',
    ],
    urban_infrastructure: [
      'Mặt đường có ổ gà lớn, trời mưa đọng nước, đã có mấy người đi xe máy bị té ngã.',
      'Nắp hố ga bị mất, chỉ có cành cây cắm tạm để cảnh báo.',
      'Cống thoát nước bị tắc, mỗi lần mưa là nước ngập tới đầu gối.',
      'Vỉa hè bị bong gạch, sụt lún một đoạn dài, người đi bộ dễ vấp ngã.',
      'Nắp cống bị vỡ nằm ngay giữa lòng đường.',
      'Đường bị sụt lún sau khi đào lắp ống nước, đến nay vẫn chưa hoàn trả mặt đường.',
      'Lan can cầu bị gãy một đoạn, trẻ em đi qua rất nguy hiểm.',
      'Mương thoát nước hở không có nắp đậy, đã có người rơi xuống.',
      'Đoạn đường bê tông trong khu dân cư bị nứt vỡ nặng, xe đi rất xóc.',
      'Bậc thang lên bờ kè bị vỡ, người tập thể dục buổi sáng đi lại khó khăn.',
      'Công trình thi công để vật liệu tràn ra đường, không có rào chắn và biển cảnh báo.',
      'Trụ cứu hỏa bị xe tông gãy, nước phun ra đường.',
    ],
    social_order: [
      'Quán karaoke mở nhạc lớn đến hơn 12 giờ đêm, ảnh hưởng giấc ngủ cả khu phố.',
      'Nhóm thanh niên tụ tập uống rượu, la hét và gây gổ trong công viên vào ban đêm.',
      'Có người lạ thường xuyên lảng vảng trong hẻm, nghi trộm xe máy.',
      'Hàng quán lấn chiếm vỉa hè, bày bàn ghế ra tận lòng đường.',
      'Có nhóm người tụ tập đánh bạc trong căn nhà hoang cuối hẻm.',
      'Người bán hàng rong chèo kéo, đeo bám du khách ở khu vực bãi biển.',
      'Quảng cáo rao vặt dán tràn lan trên cột điện, tường nhà và trạm biến áp.',
      'Có người say rượu nằm giữa đường, gây nguy hiểm cho bản thân và xe cộ.',
      'Công trình gần nhà thi công cưa cắt, đập phá vào ban đêm gây ồn ào.',
      'Xảy ra xô xát giữa hai nhóm người trước quán nhậu, đề nghị lực lượng chức năng đến xử lý.',
      'Một số người dựng lều, tập kết hàng hóa chiếm dụng khu vực công cộng.',
      'Tờ rơi cho vay nặng lãi bị dán và nhét vào nhà dân khắp khu phố.',
    ],
    environment: [
      'Rác thải sinh hoạt tập kết bên đường mấy ngày chưa được thu gom, bốc mùi hôi thối.',
      'Có người đổ trộm xà bần, vật liệu xây dựng ra bãi đất trống ven đường.',
      'Nước thải từ cơ sở chế biến hải sản chảy ra mương, mùi rất nặng.',
      'Thùng rác công cộng bị đầy tràn, rác rơi vãi khắp vỉa hè.',
      'Xác động vật chết trôi dạt vào bờ biển chưa được xử lý.',
      'Người dân đốt rác ngay trong khu dân cư, khói bay vào nhà.',
      'Bãi biển có rất nhiều rác thải nhựa sau đợt triều cường.',
      'Xe thu gom rác làm rơi vãi nước rỉ rác suốt tuyến đường.',
      'Cống thoát nước bốc mùi hôi nồng nặc, nhất là vào buổi chiều.',
      'Khu đất trống thành bãi rác tự phát, ruồi muỗi rất nhiều.',
      'Một cơ sở sửa xe xả dầu nhớt thải trực tiếp xuống rãnh thoát nước.',
      'Sau giờ họp chợ, rác và nước thải tràn ra đường, chưa được vệ sinh.',
    ],
  },

  replies: {
    traffic: [
      'Tổ Cảnh sát giao thông đã có mặt phân luồng, tình hình giao thông đã ổn định.',
      'Đã phối hợp đơn vị quản lý khắc phục, đèn tín hiệu đã hoạt động bình thường trở lại.',
      'Đã lập biên bản và yêu cầu chủ phương tiện di chuyển xe đậu sai quy định.',
      'Đã tăng cường tuần tra, kiểm soát tại khu vực vào giờ cao điểm.',
      'Đã phối hợp đơn vị quản lý đường bộ thay biển báo mới và sơn lại vạch kẻ đường.',
    ],
    street_lighting: [
      'Đã thay bóng đèn và kiểm tra tủ điện, đèn đã sáng bình thường.',
      'Đã khắc phục sự cố đứt cáp ngầm, toàn tuyến đã sáng trở lại.',
      'Đã chỉnh lại bộ hẹn giờ của tủ điều khiển, đèn không còn sáng vào ban ngày.',
      'Đã dựng lại cột đèn bị nghiêng và gia cố móng cột.',
      'Đã khóa tủ điện, bọc cách điện các đầu dây hở để bảo đảm an toàn.',
    ],
    trees: [
      'Đã cắt tỉa nhánh gãy và dọn sạch mặt đường.',
      'Đã hạ cây nghiêng có nguy cơ đổ, sẽ trồng cây thay thế trong tuần tới.',
      'Đã cắt tỉa tán cây, bảo đảm khoảng cách an toàn với đường dây điện.',
      'Đã chống đỡ, gia cố cây nghiêng và tiếp tục theo dõi.',
      'Đã thu dọn toàn bộ cành cây gãy trên tuyến đường.',
    ],
    urban_infrastructure: [
      'Đã vá ổ gà bằng bê tông nhựa, mặt đường đã êm thuận.',
      'Đã lắp đặt nắp hố ga mới.',
      'Đã nạo vét, khơi thông cống thoát nước.',
      'Đã lát lại gạch vỉa hè bị bong tróc.',
      'Đã yêu cầu đơn vị thi công hoàn trả mặt đường, lắp rào chắn và biển cảnh báo.',
    ],
    social_order: [
      'Công an phường đã đến kiểm tra, nhắc nhở và yêu cầu chấm dứt gây ồn sau 22 giờ.',
      'Lực lượng chức năng đã giải tán nhóm tụ tập và tăng cường tuần tra khu vực.',
      'Đã lập biên bản xử lý vi phạm lấn chiếm vỉa hè, lòng đường.',
      'Đã xác minh và phối hợp công an phường theo dõi các đối tượng khả nghi.',
      'Đã bóc xóa quảng cáo rao vặt và nhắc nhở các hộ dân liên quan.',
    ],
    environment: [
      'Đã thu gom toàn bộ rác tồn đọng và vệ sinh khu vực.',
      'Đã dọn dẹp xà bần, phối hợp UBND phường xác minh đối tượng đổ trộm.',
      'Đã bổ sung thùng rác và tăng tần suất thu gom tại điểm này.',
      'Đã kiểm tra cơ sở xả thải, lập biên bản và yêu cầu khắc phục.',
      'Đã thu gom rác, làm sạch bãi biển và xử lý xác động vật theo quy định.',
    ],
  },

  rejectReasons: [
    'Nội dung không phải là phản ánh (tin rác, quảng cáo).',
    'Vị trí phản ánh nằm ngoài địa bàn quản lý.',
    'Trùng nội dung với phản ánh đã được tiếp nhận trước đó.',
    'Thông tin chưa đủ để xác minh (thiếu vị trí hoặc mô tả cụ thể).',
    'Nội dung không thuộc thẩm quyền giải quyết, đề nghị liên hệ cơ quan có thẩm quyền.',
    'Nội dung có lời lẽ xúc phạm, không phù hợp.',
  ],

  handBackReasons: [
    'Không thuộc phạm vi quản lý của đơn vị.',
    'Vị trí thuộc địa bàn do đơn vị khác phụ trách.',
    'Sai lĩnh vực, đề nghị phân loại lại danh mục.',
    'Tài sản thuộc doanh nghiệp tư nhân, không do đơn vị quản lý.',
  ],

  residentNames: [
    'Nguyễn Văn An',
    'Trần Thị Bích',
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Hoàng Minh Đức',
    'Võ Thị Hồng',
    'Huỳnh Văn Hải',
    'Đặng Thị Hương',
    'Bùi Quang Khải',
    'Đỗ Thị Kim Loan',
    'Ngô Văn Lợi',
    'Dương Thị Mai',
    'Lý Văn Phát',
    'Phan Thị Ngọc Quỳnh',
    'Trương Công Sơn',
    'Đinh Thị Thu',
    'Châu Văn Tài',
    'Lương Thị Thảo',
    'Mai Xuân Trường',
    'Tô Thị Yến',
  ],
};
