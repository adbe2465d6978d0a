import type { ArticleKind, ArticleLocale } from '../../knowledge/knowledge.enums';

/** An article of the relevance corpus: what a travel company's knowledge base holds, in English and Chinese. */
export interface CorpusArticle {
  key: string;
  locale: ArticleLocale;
  kind: ArticleKind;
  category: string;
  title: string;
  body: string;
  tags: string[];
}

type Row = [key: string, kind: ArticleKind, category: string, title: string, body: string, tags?: string[]];

const ENGLISH: Row[] = [
  ['en-checked-baggage', 'POLICY', 'baggage', 'Checked baggage allowance', 'Economy fares include one checked bag of up to 23 kg; business class includes two bags of 32 kg each. Each bag may measure at most 158 cm (length + width + height). Extra bags can be bought online until 24 hours before departure.', ['baggage']],
  ['en-cabin-baggage', 'POLICY', 'baggage', 'Cabin baggage rules', 'Every passenger may bring one cabin bag of up to 7 kg and 55 x 40 x 20 cm, plus a small personal item such as a handbag or laptop bag. Liquids must be in containers of 100 ml or less, in one transparent bag.', ['baggage', 'carry-on']],
  ['en-excess-baggage', 'FAQ', 'baggage', 'How much does excess baggage cost?', 'Overweight bags between 23 and 32 kg cost 60 EUR per bag and flight. Bags over 32 kg are not accepted as checked baggage and must be sent as cargo. Prepaying an extra piece online is cheaper than paying at the airport.', ['baggage', 'fees']],
  ['en-lost-baggage', 'PROCEDURE', 'baggage', 'Lost or delayed baggage', "Ask the customer for the Property Irregularity Report (PIR) number from the airport's baggage desk. Open a baggage trace in the airline portal with the bag tag number. Customers may buy essential items and claim the receipts, up to 50 EUR per day. After 21 days a missing bag counts as lost and compensation under the Montreal Convention applies.", ['baggage']],
  ['en-damaged-baggage', 'FAQ', 'baggage', 'My suitcase was damaged', 'Report the damage at the airport before leaving the baggage hall and keep the damage report. Claims must be sent within 7 days with photos of the damaged suitcase and the boarding pass. We reimburse the repair or the current value of the suitcase.', ['baggage', 'claims']],
  ['en-sports-equipment', 'FAQ', 'baggage', 'Travelling with ski, golf or bicycle equipment', 'Sports equipment counts as one checked bag if it weighs under 23 kg. Bicycles must be packed in a box with the pedals removed and the handlebar turned. Register sports equipment at least 48 hours before the flight.', ['baggage', 'sports']],
  ['en-pets', 'POLICY', 'baggage', 'Travelling with pets', 'Cats and small dogs up to 8 kg including the carrier may travel in the cabin. Larger animals travel in the hold in an IATA approved crate. International travel needs a pet passport, a microchip and a rabies vaccination.', ['pets']],
  ['en-flight-delay', 'POLICY', 'flights', 'Flight delay compensation (EU 261)', 'If a flight departing from the EU arrives more than three hours late, passengers may be entitled to compensation of 250 to 600 EUR depending on the distance. No compensation is due for extraordinary circumstances such as storms or air traffic control strikes. Meals and refreshments are offered after two hours of waiting.', ['delay']],
  ['en-flight-cancellation', 'POLICY', 'flights', 'Flight cancelled by the airline', 'When the airline cancels a flight, the customer chooses between a full refund, rebooking on the next available flight, or rebooking at a later date. If the cancellation is announced less than 14 days before departure, compensation may be due as well.', ['cancellation']],
  ['en-missed-connection', 'PROCEDURE', 'flights', 'Missed connecting flight', 'If a connection is missed because the first flight was late and both flights are on one booking, the airline rebooks the passenger on the next flight at no cost. A hotel is provided when the next flight leaves the following day. Separate tickets are not protected.', ['connection']],
  ['en-check-in', 'FAQ', 'flights', 'Online check-in times', 'Online check-in opens 30 hours before departure and closes 60 minutes before departure for international flights. Boarding passes can be downloaded to the phone or printed. Passengers with checked baggage drop it at the bag drop counter.', ['check-in']],
  ['en-seat-selection', 'FAQ', 'flights', 'Choosing a seat', 'Seats can be reserved in Manage Booking. Seats are free in business class; in economy a fee applies for extra legroom seats and emergency exit rows. Families travelling with children under 12 are seated together free of charge.', ['seats']],
  ['en-name-change', 'POLICY', 'booking', 'Correcting a name on a ticket', 'Spelling mistakes of up to three letters are corrected free of charge. Changing the ticket to another person is not possible on most fares. The name on the ticket must match the passport exactly.', ['booking']],
  ['en-booking-change', 'POLICY', 'booking', 'Changing the date of a booking', 'Flex fares can be changed without a fee; only the fare difference applies. Basic fares pay a change fee of 70 EUR per passenger and direction. Changes are possible until 3 hours before departure.', ['booking', 'fees']],
  ['en-refund', 'POLICY', 'booking', 'Refund of a cancelled booking', 'Refunds are paid to the original means of payment within 7 working days for card payments and within 30 days for bank transfers. Non-refundable fares only return the unused airport taxes.', ['refund']],
  ['en-package-cancel', 'POLICY', 'booking', 'Cancelling a package holiday', 'Cancellation fees for package holidays depend on the days before departure: 30 or more days 20 percent, 29 to 15 days 40 percent, 14 to 7 days 60 percent, less than 7 days 90 percent of the travel price. Trip cancellation insurance may cover these costs.', ['package', 'fees']],
  ['en-payment-methods', 'FAQ', 'payment', 'Accepted payment methods', 'We accept Visa, Mastercard, American Express, PayPal, Alipay and WeChat Pay. Bank transfer is possible for bookings made more than 21 days before departure. Payment in instalments is offered for package holidays over 1,000 EUR.', ['payment']],
  ['en-invoice', 'FAQ', 'payment', 'Getting an invoice for a booking', 'The invoice is sent by e-mail after payment. Company invoices with a VAT number can be requested from customer service before travel. A duplicate invoice can be downloaded in My Bookings.', ['payment']],
  ['en-schengen-visa', 'VISA_GUIDE', 'visa', 'Schengen visa for Chinese citizens', 'Chinese passport holders need a Schengen visa for tourism in Germany, France, Italy and the other Schengen states. Apply at the consulate of the main destination at least 15 days and at most six months before travel. Documents: a passport valid three months beyond the return, bank statements, hotel bookings, a flight reservation and travel medical insurance with at least 30,000 EUR cover.', ['visa', 'europe']],
  ['en-japan-visa', 'VISA_GUIDE', 'visa', 'Japan tourist visa', 'Apply through an authorised travel agency with the passport, a photo, the itinerary and proof of income. A single entry visa allows stays of up to 15 days. Processing takes about five working days.', ['visa', 'japan']],
  ['en-us-esta', 'VISA_GUIDE', 'visa', 'ESTA for travel to the United States', 'Citizens of visa waiver countries need an approved ESTA before boarding a flight to the USA. Apply online at least 72 hours before departure; the fee is 21 USD and the approval is valid for two years. Chinese citizens need a B1/B2 visa and an EVUS enrolment instead.', ['visa', 'usa']],
  ['en-transit-visa', 'VISA_GUIDE', 'visa', 'Visa-free transit', 'Many airports allow visa-free transit for passengers who stay airside and continue within 24 hours. China offers 144-hour visa-free transit in Beijing, Shanghai and Guangzhou to citizens of 54 countries holding a confirmed onward ticket to a third country.', ['visa', 'transit']],
  ['en-passport-validity', 'FAQ', 'visa', 'How long must my passport be valid?', 'Most countries require a passport valid for at least six months after the date of entry. The Schengen area requires three months beyond the planned departure. Check that the passport has at least two blank pages.', ['passport']],
  ['en-travel-insurance', 'INSURANCE_INFORMATION', 'insurance', 'What the travel insurance covers', 'Our travel insurance covers medical treatment abroad up to 1,000,000 EUR, medical repatriation, trip cancellation and interruption, and lost luggage up to 2,000 EUR. Pre-existing conditions are excluded unless declared. Adventure sports need an additional module.', ['insurance']],
  ['en-insurance-claim', 'PROCEDURE', 'insurance', 'Making an insurance claim', 'Claims are submitted online within 30 days of the return. Attach the policy number, the receipts, the medical or police report and the booking confirmation. The insurer decides within 14 days; agents must not promise payment.', ['insurance', 'claims']],
  ['en-cancellation-insurance', 'INSURANCE_INFORMATION', 'insurance', 'Trip cancellation insurance', "Cancellation insurance refunds the cancellation fees when the trip is cancelled because of illness, an accident, the death of a close relative or the loss of one's job. It must be bought within 14 days of booking. A doctor's certificate is required.", ['insurance']],
  ['en-medical-emergency', 'EMERGENCY_PROCEDURE', 'emergency', 'Medical emergency abroad', "Tell the customer to call the local emergency number (112 in Europe) first. Then contact the insurer's 24-hour assistance line, which arranges the hospital's payment guarantee. Record the hospital and the customer's location in the case and inform the duty supervisor.", ['emergency', 'medical']],
  ['en-lost-passport', 'EMERGENCY_PROCEDURE', 'emergency', 'Passport lost or stolen abroad', 'Report the theft to the local police and obtain a police report. Contact the nearest embassy or consulate for an emergency travel document, with passport photos and a copy of the passport if available. Rebook the return flight once the travel document is issued.', ['emergency', 'passport']],
  ['en-natural-disaster', 'EMERGENCY_PROCEDURE', 'emergency', 'Natural disasters and evacuation', "When an earthquake, typhoon or flood strikes a destination, list the travellers in the region and contact each one. Follow the foreign ministry's travel warnings. Offer free rebooking or cancellation for departures to the affected area in the next 14 days.", ['emergency']],
  ['en-strike', 'EMERGENCY_PROCEDURE', 'emergency', 'Airline or airport strike', "During a strike, inform the customers on affected flights by SMS and e-mail and rebook them on other airlines where possible. A strike by the airline's own staff (pilots, cabin crew) is not an extraordinary circumstance, so delay compensation applies.", ['emergency', 'strike']],
  ['en-unaccompanied-minors', 'POLICY', 'special-assistance', 'Children travelling alone', 'Children aged 5 to 11 travelling alone must use the unaccompanied minor service, which costs 80 EUR per flight. A member of staff accompanies the child from check-in until the handover to the named adult on arrival. Teenagers aged 12 to 17 can use the service on request.', ['children']],
  ['en-wheelchair', 'PROCEDURE', 'special-assistance', 'Wheelchair and reduced mobility assistance', 'Passengers with reduced mobility get free assistance at the airport. Request it at least 48 hours before departure with the assistance code (WCHR, WCHS or WCHC). For electric wheelchairs give the battery type and the weight.', ['assistance']],
  ['en-pregnancy', 'FAQ', 'special-assistance', 'Flying during pregnancy', "Pregnant passengers can fly until the end of the 36th week. From the 28th week a doctor's certificate confirming the due date and fitness to fly is needed. With twins or more, flying is allowed until the 32nd week.", ['pregnancy']],
  ['en-bali-notes', 'TRAVEL_NOTES', 'destinations', 'Bali travel notes', 'The dry season from April to October is the best time to visit. Visitors pay a tourist levy of 150,000 rupiah on arrival. Cover shoulders and knees in temples, and drink bottled water only.', ['indonesia']],
  ['en-iceland-notes', 'TRAVEL_NOTES', 'destinations', 'Iceland travel notes', 'The northern lights can be seen from September to March. Highland roads are closed in winter; rent a four-wheel-drive car for the F-roads in summer. The weather changes quickly, so pack waterproof clothes.', ['iceland']],
  ['en-thailand-notes', 'TRAVEL_NOTES', 'destinations', 'Thailand travel notes', 'Chinese and many European citizens can visit Thailand visa-free for up to 30 days. Respect the royal family and take off your shoes in temples. The rainy season runs from June to October.', ['thailand']],
];

const CHINESE: Row[] = [
  ['zh-checked-baggage', 'POLICY', 'baggage', '托运行李额度', '经济舱客票含一件不超过23公斤的免费托运行李，公务舱含两件，每件不超过32公斤。每件行李三边之和不得超过158厘米。额外行李可在起飞前24小时在线购买。', ['行李']],
  ['zh-cabin-baggage', 'POLICY', 'baggage', '手提行李规定', '每位旅客可携带一件不超过7公斤、尺寸55×40×20厘米的手提行李，以及一件小型随身物品。液体须装在不超过100毫升的容器中，并放入透明袋。', ['行李']],
  ['zh-excess-baggage', 'FAQ', 'baggage', '行李超重怎么收费？', '23至32公斤的超重行李每件每航段收费60欧元。超过32公斤的行李不能作为托运行李，需要按货物运输。提前在线购买额外行李比在机场付费便宜。', ['行李', '费用']],
  ['zh-lost-baggage', 'PROCEDURE', 'baggage', '行李丢失或延误处理流程', '请旅客提供在机场行李柜台办理的行李运输事故记录（PIR）编号。客服凭行李牌号在航空公司系统中发起查询。旅客可购买必需品，每天最多报销50欧元。行李超过21天仍未找到视为丢失，按蒙特利尔公约赔偿。', ['行李']],
  ['zh-damaged-baggage', 'FAQ', 'baggage', '行李箱损坏了怎么办', '请在离开行李提取区前向机场报告损坏，并保留损坏记录。须在7天内提交索赔，附上行李箱照片和登机牌。我们将报销维修费用或按现值赔偿。', ['行李', '索赔']],
  ['zh-pets', 'POLICY', 'baggage', '携带宠物出行', '猫、狗等宠物连同航空箱不超过8公斤的可带入客舱，较大的动物须装在符合国际航协标准的航空箱内托运。国际旅行需要宠物护照、芯片和狂犬疫苗接种证明。', ['宠物']],
  ['zh-flight-delay', 'POLICY', 'flights', '航班延误赔偿标准', '从欧盟出发的航班到达延误超过三小时的，旅客可根据航程距离获得250至600欧元的赔偿。因天气、空中交通管制等特殊情况造成的延误不予赔偿。等待超过两小时提供餐食。', ['延误']],
  ['zh-flight-cancel', 'POLICY', 'flights', '航班取消怎么办', '航空公司取消航班时，旅客可选择全额退款、改签最近的航班或改签至以后的日期。起飞前14天内通知取消的，还可能获得赔偿。', ['取消']],
  ['zh-missed-connection', 'PROCEDURE', 'flights', '错过转机航班', '因前段航班延误导致错过联程航班，且两段航班在同一订单中的，航空公司免费安排下一班航班。如下一班航班次日起飞，提供酒店住宿。分开购买的机票不受保护。', ['转机']],
  ['zh-check-in', 'FAQ', 'flights', '网上值机时间', '国际航班网上值机在起飞前30小时开放，起飞前60分钟关闭。登机牌可下载到手机或打印。有托运行李的旅客请到行李托运柜台交运。', ['值机']],
  ['zh-seat', 'FAQ', 'flights', '如何选座', '可在订单管理中预订座位。经济舱选择加长腿部空间座位和紧急出口座位需要付费。携带12岁以下儿童的家庭可免费安排相邻座位。', ['座位']],
  ['zh-name-correction', 'POLICY', 'booking', '机票姓名更正', '姓名拼写错误不超过三个字母的可免费更正。大部分票价不允许更换乘机人。机票上的姓名必须与护照完全一致，中文姓名请使用拼音。', ['订单']],
  ['zh-booking-change', 'POLICY', 'booking', '更改出行日期', '灵活票价可免费改期，只需补差价。基础票价每人每航段收取70欧元改签费。起飞前3小时之前均可改签。', ['订单', '费用']],
  ['zh-refund', 'POLICY', 'booking', '退款到账时间', '退款原路退回，信用卡支付7个工作日内到账，银行转账最长30天。不可退票价仅退还未使用的机场税费。', ['退款']],
  ['zh-package-cancel', 'POLICY', 'booking', '跟团游取消费用', '跟团游取消费用按出发前天数计算：30天以上收取团费的20%，29至15天收取40%，14至7天收取60%，7天以内收取90%。旅行取消险可承担这些费用。', ['跟团游', '费用']],
  ['zh-payment', 'FAQ', 'payment', '支持哪些付款方式', '支持维萨卡、万事达卡、美国运通卡、PayPal、支付宝和微信支付。出发前21天以上的订单可银行转账。1000欧元以上的度假产品可分期付款。', ['付款']],
  ['zh-invoice', 'FAQ', 'payment', '如何开发票', '付款后电子发票将发送到您的邮箱。如需公司抬头和税号的发票，请在出行前联系客服。可在我的订单中下载发票副本。', ['付款']],
  ['zh-schengen-visa', 'VISA_GUIDE', 'visa', '申根签证办理指南', '中国护照持有人前往德国、法国、意大利等申根国家旅游需要申根签证。请在出行前15天至6个月向主要目的地国领事馆申请。所需材料：有效期超过回程三个月的护照、银行流水、酒店预订单、机票预订单以及保额不低于3万欧元的旅行医疗保险。', ['签证', '欧洲']],
  ['zh-japan-visa', 'VISA_GUIDE', 'visa', '日本旅游签证办理', '通过指定旅行社递交申请，需要护照、照片、行程单和收入证明。单次签证最长停留15天，一般五个工作日出签。', ['签证', '日本']],
  ['zh-us-visa', 'VISA_GUIDE', 'visa', '美国签证和EVUS登记', '中国公民赴美需办理B1/B2签证，并在出行前完成EVUS登记。面签需预约，携带DS-160确认页、护照和照片。EVUS登记有效期两年。', ['签证', '美国']],
  ['zh-transit', 'VISA_GUIDE', 'visa', '144小时过境免签', '54个国家的公民持有前往第三国的联程机票，可在北京、上海、广州等口岸享受144小时过境免签。过境期间不得离开规定区域。', ['签证', '过境']],
  ['zh-passport-validity', 'FAQ', 'visa', '护照有效期要求', '大多数国家要求护照在入境之日起至少还有六个月有效期。申根国家要求护照有效期超过离境日期三个月。请确认护照至少有两页空白页。', ['护照']],
  ['zh-travel-insurance', 'INSURANCE_INFORMATION', 'insurance', '旅行保险保障范围', '我们的旅行保险保障境外医疗费用最高100万欧元、医疗转运、行程取消和中断，以及行李丢失最高2000欧元。既往病症除非申报否则不在保障范围内。高风险运动需要附加保障。', ['保险']],
  ['zh-insurance-claim', 'PROCEDURE', 'insurance', '保险理赔流程', '请在回国后30天内在线提交理赔申请，附上保单号、发票、病历或报警回执以及订单确认。保险公司在14个工作日内给出结果，客服不能承诺赔付。', ['保险', '理赔']],
  ['zh-cancellation-insurance', 'INSURANCE_INFORMATION', 'insurance', '旅行取消险说明', '因疾病、意外、直系亲属去世或失业取消行程的，取消险赔偿取消费用。须在预订后14天内购买，并提供医生证明。', ['保险']],
  ['zh-medical-emergency', 'EMERGENCY_PROCEDURE', 'emergency', '境外突发疾病应急处理', '请旅客先拨打当地急救电话（欧洲为112），再联系保险公司24小时救援热线，由其安排医院担保。在案件中记录医院名称和旅客位置，并通知值班主管。', ['应急', '医疗']],
  ['zh-lost-passport', 'EMERGENCY_PROCEDURE', 'emergency', '境外护照丢失', '请旅客先向当地警方报案并取得报案证明，然后联系最近的中国驻外使领馆申请旅行证，携带证件照和护照复印件。旅行证签发后再改签回程航班。', ['应急', '护照']],
  ['zh-disaster', 'EMERGENCY_PROCEDURE', 'emergency', '自然灾害应急预案', '目的地发生地震、台风或洪水时，查找该地区的在途旅客并逐一联系。关注外交部旅行提醒。未来14天内前往受影响地区的订单可免费改期或取消。', ['应急']],
  ['zh-strike', 'EMERGENCY_PROCEDURE', 'emergency', '罢工应对', '发生罢工时，通过短信和邮件通知受影响航班的旅客，尽可能改签其他航空公司航班。航空公司自身员工罢工不属于特殊情况，仍需支付延误赔偿。', ['应急', '罢工']],
  ['zh-minors', 'POLICY', 'special-assistance', '儿童无成人陪伴乘机', '5至11岁儿童单独乘机须申请无成人陪伴服务，每航段收费80欧元。工作人员从值机开始陪同，到达后交给指定接机人。12至17岁青少年可按需申请。', ['儿童']],
  ['zh-wheelchair', 'PROCEDURE', 'special-assistance', '轮椅服务申请', '行动不便的旅客可免费享受机场协助服务。请在起飞前48小时提出申请，并说明需要的轮椅类型。电动轮椅需提供电池类型和重量。', ['协助']],
  ['zh-pregnancy', 'FAQ', 'special-assistance', '孕妇乘机规定', '孕妇可乘机至孕期第36周。怀孕28周以上需提供医生开具的适宜乘机证明，注明预产期。多胞胎妊娠可乘机至第32周。', ['孕妇']],
  ['zh-bali', 'TRAVEL_NOTES', 'destinations', '巴厘岛旅行须知', '4月至10月旱季是最佳旅游时间。入境需缴纳15万印尼盾旅游税。参观寺庙需遮盖肩膀和膝盖，只喝瓶装水。', ['印尼']],
  ['zh-thailand', 'TRAVEL_NOTES', 'destinations', '泰国旅行须知', '中国公民可免签入境泰国停留30天。尊重王室，进入寺庙须脱鞋。6月至10月为雨季。', ['泰国']],
  ['zh-iceland', 'TRAVEL_NOTES', 'destinations', '冰岛旅行须知', '9月至次年3月可以看到极光。冬季高地公路封闭，夏季走F路需租用四驱车。天气变化快，请携带防水衣物。', ['冰岛']],
  ['zh-power-bank', 'POLICY', 'baggage', '充电宝和锂电池携带规定', '充电宝只能随身携带，严禁托运。额定能量不超过100Wh的可携带，100至160Wh的需航空公司批准，超过160Wh的禁止携带。每人最多携带两个。', ['行李', '电池']],
];

const article =
  (locale: ArticleLocale) =>
  ([key, kind, category, title, body, tags = []]: Row): CorpusArticle => ({ key, locale, kind, category, title, body, tags });

/** 72 articles: 36 in English, 36 in Chinese. */
export const KNOWLEDGE_CORPUS: readonly CorpusArticle[] = [...ENGLISH.map(article('EN')), ...CHINESE.map(article('ZH_CN'))];
