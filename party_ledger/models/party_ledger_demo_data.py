"""Demo data that takes code to write: the 说句心里话 talk sessions of the
operations branch (5 sessions, 56 suggestions, 38 solved), as the seed's
coal-mining area reports them. A model without a table, called by
demo/party_ledger_talk_demo.xml only."""

import random
from datetime import date, datetime, time, timedelta

from odoo import api, models

# (date, topic, family members present) of each session.
SESSIONS = [
    (
        date(2026, 6, 12),
        "“说句心里话”职工家属恳谈会：倒班职工的家事与难事",
        "王秀兰\n李玉芬\n赵小梅\n陈国华",
    ),
    (date(2026, 7, 10), "“说句心里话”恳谈会：迎峰度夏一线职工座谈", "刘美玲\n孙桂英"),
    (
        date(2026, 8, 14),
        "“说句心里话”恳谈会：职工子女暑期与就学",
        "周丽\n吴淑珍\n郑晓燕",
    ),
    (
        date(2026, 9, 11),
        "“说句心里话”恳谈会：检修季家属开放日座谈",
        "冯雪\n马秀英\n黄建平",
    ),
    (date(2026, 10, 16), "“说句心里话”恳谈会：供热季前职工家属恳谈", "林慧\n何春梅"),
]
# The items of each session: (submitter, family member who raised it or
# None, tag, kind, title, what was said, the reply of a solved item or the
# state of an open one).
ITEMS = [
    [
        (
            "zhu_ting",
            "爱人",
            "logistics",
            "implementation",
            "零点交班后没有回城的车",
            "我爱人上夜班零点交班，厂门口末班公交晚上十点就停了，他骑电动车走国道回家，我每晚都睡不踏实。",
            "与公交公司协商后，自7月起增开零点二十分厂区至城区通勤车一趟，覆盖运行四个值。",
        ),
        (
            "liu_yang",
            "母亲",
            "welfare",
            "explanation",
            "倒班职工春节能否轮流休息",
            "孩子在集控倒班，已经三年没在家吃年夜饭了。家里老人年纪大，想知道春节排班能不能轮着来。",
            "运行部已制定春节值班轮换表，按值轮流安排，今年除夕由三值、四值值班，已向家属当面说明。",
        ),
        (
            "chen_chen",
            None,
            "protection",
            "implementation",
            "燃料现场粉尘大，口罩不够用",
            "翻车机和输煤栈桥粉尘浓度高，每月只发四个防尘口罩，一个班就得换一个，大家只好自己买。",
            "燃料运行岗位防尘口罩改为按班次配发，并增配两台移动式喷雾降尘装置。",
        ),
        (
            "ma_chao",
            "爱人",
            "welfare",
            "implementation",
            "家属能否参加团体体检",
            "厂里每年组织职工体检，我们家属自己去医院挂号排队很难，能不能联系医院让家属自费跟着团体一起做。",
            "已与市第二人民医院签订协议，家属可按团体价自费参加体检，10月首批32名家属已完成。",
        ),
        (
            "huang_li",
            None,
            "environment",
            "implementation",
            "化学取样间夏天没有空调",
            "取样间挨着高压加热器，夏天室温超过38度，取样时汗流浃背，样品温度也控制不住。",
            "取样间已加装工业空调并对墙体做了隔热处理，8月实测室温降至28度以下。",
        ),
        (
            "zheng_yu",
            "爱人",
            "welfare",
            "implementation",
            "双职工孩子暑假没人照看",
            "我们夫妻俩都在运行倒班，暑假孩子一个人在家，打电话也不接，盼着厂里能办个暑期托管班。",
            "工会和团委联合举办职工子女暑期托管班，7月10日开班，共接收职工子女41名。",
        ),
        (
            "feng_li",
            None,
            "training",
            "implementation",
            "技能鉴定培训和倒班冲突",
            "集控值班员技能鉴定培训都排在白天，下了夜班再去听课实在撑不住，希望按值别分批开班。",
            "培训中心已将鉴定培训改为按值别分四期开班，每期与值班表错开。",
        ),
        (
            "zhang_wei",
            None,
            "logistics",
            "implementation",
            "夜班餐天天面条包子",
            "夜班餐连续几个月都是面条和包子，后半夜要一直顶到早上八点交班，希望增加米饭和热菜。",
            "食堂调整夜班餐，每晚提供两荤两素米饭套餐，菜单每周公示。",
        ),
        (
            "chu_yang",
            "父亲",
            "welfare",
            "implementation",
            "退休职工医药费报销跑腿难",
            "我是厂里的退休职工，医药费报销要跑三个部门盖章，腿脚不方便，能不能简化流程或者上门代办。",
            "人力资源部开通退休职工医药费代办服务，由社区联络员每月集中上门收取单据。",
        ),
        (
            "liu_yang",
            None,
            "safety",
            "implementation",
            "巡检通道夜间照明不足",
            "#1炉零米到电除尘的巡检通道晚上很暗，有两处台阶看不清，冬天结冰更危险。",
            "已更换和新增LED灯具23盏，台阶加装防滑条和反光标识。",
        ),
        (
            "zhu_ting",
            None,
            "protection",
            "implementation",
            "女职工更衣室太挤",
            "运行部女职工更衣室只有六个柜子，现在女值班员已经十一个人，交接班时只能轮流换衣服。",
            "已将相邻工具间改造为女职工更衣室，新增更衣柜12个并配置淋浴。",
        ),
        (
            "chen_chen",
            "爱人",
            "logistics",
            "implementation",
            "单身宿舍热水供应时间太短",
            "宿舍热水只在晚上七点到十点供应，他下了夜班早上回来想洗个澡都没有热水。",
            "宿舍热水改为全天供应，加装空气能热水机组一台。",
        ),
        (
            "zhao_jing",
            None,
            "training",
            "explanation",
            "副值升主值的条件说不清",
            "副值升主值要看哪些条件、考试什么时候组织，年轻人心里没底，干劲也受影响。",
            "运行部在班组会上解读了岗位晋升管理办法，考核条件和时间表已张贴在集控室。",
        ),
        (
            "wei_na",
            "爱人",
            "welfare",
            "implementation",
            "随迁家属找工作难",
            "我随爱人调到这边，一直没找到合适的工作，厂里外包的保洁、餐饮岗位能不能优先考虑职工家属。",
            "in_progress",
        ),
    ],
    [
        (
            "ma_chao",
            None,
            "protection",
            "implementation",
            "输煤栈桥高温巡检",
            "夏天输煤栈桥顶棚下温度很高，巡检一圈衣服就湿透了，希望配些防暑药品和冰袋。",
            "已为输煤、燃料岗位配发防暑药品和降温冰袋，栈桥加装轴流风机6台。",
        ),
        (
            "huang_li",
            "母亲",
            "welfare",
            "explanation",
            "高温津贴什么时候发",
            "女儿在化学车间上班，问了几次高温津贴什么时候发，都说不清楚。",
            "高温津贴按6至9月计发，随7月工资一并补发，标准已在车间公示。",
        ),
        (
            "liu_yang",
            None,
            "safety",
            "implementation",
            "汽机房噪声大对讲机听不清",
            "汽机房运转层噪声太大，巡检时对讲机听不清调度指令，容易听错。",
            "为汽机巡检岗位配发降噪耳机式对讲机20部。",
        ),
        (
            "zheng_yu",
            None,
            "environment",
            "implementation",
            "集控室大屏反光",
            "下午太阳照在集控室大屏上反光严重，盯参数很吃力，眼睛也累。",
            "集控室外窗加装遮光帘并调整大屏亮度，已经职工代表现场确认。",
        ),
        (
            "zhu_ting",
            "爱人",
            "welfare",
            "implementation",
            "度夏期间一个月没轮休",
            "迎峰度夏期间她连续一个月没有轮休，孩子中考都没顾上，希望值班安排能留出休息日。",
            "运行部调整度夏值班方式，增设备用值，保证每人每月至少轮休四天。",
        ),
        (
            "chen_chen",
            None,
            "logistics",
            "implementation",
            "早班通勤车空调坏了",
            "早上七点那趟通勤车空调坏了半个月，车厢里又闷又热，到岗时已经一身汗。",
            "已督促客运公司维修空调，并更换一辆新车。",
        ),
        (
            "feng_li",
            None,
            "protection",
            "implementation",
            "工作服冬夏一款不透气",
            "现在的工作服冬夏同一款，夏天太厚不透气，能不能分季节配发。",
            "劳保用品改为分季配发，夏季配发透气阻燃工作服两套。",
        ),
        (
            "chu_yang",
            None,
            "training",
            "implementation",
            "仿真机练习机会太少",
            "年轻人想多上仿真机练事故处理，可仿真机只在周末开放，倒班的人经常赶不上。",
            "仿真机室每周二、四晚上增开，按值别预约。",
        ),
        (
            "zhang_wei",
            "爱人",
            "logistics",
            "implementation",
            "接送交班的车没地方停",
            "家属开车接送交接班，厂门口没地方停车，只好停在消防通道边上，心里也不踏实。",
            "在厂区东门外规划临时停车位60个，消防通道设置禁停标识。",
        ),
        (
            "he_yong",
            None,
            "safety",
            "implementation",
            "抢修工作票许可等待时间长",
            "检修工作票等运行许可要等很久，抢修时尤其着急，希望优化许可环节。",
            "推行工作票电子化预审，许可平均时长由40分钟缩短到15分钟。",
        ),
        (
            "gao_feng",
            None,
            "environment",
            "implementation",
            "集控楼电梯频繁故障",
            "集控楼电梯一个月停了三次，夜班人员搬运备品只能走楼梯。",
            "in_progress",
        ),
        (
            "luo_min",
            "爱人",
            "welfare",
            "explanation",
            "家庭困难帮扶怎么申请",
            "家里老人重病住院，花销很大，想申请困难职工帮扶，不知道要准备什么材料、找谁办。",
            "verifying",
        ),
    ],
    [
        (
            "zhao_jing",
            None,
            "welfare",
            "explanation",
            "外地户籍子女入学材料",
            "外地户籍职工的孩子在本地上小学要准备哪些材料，大家各跑各的，想请厂里统一对接教育部门。",
            "人力资源部与区教育局对接，整理入学材料清单在职工群发布，已协助办理入学证明15份。",
        ),
        (
            "wei_na",
            None,
            "welfare",
            "implementation",
            "哺乳期女职工没有休息的地方",
            "刚休完产假回来上班，厂里没有哺乳室，只能躲在更衣室里吸奶，很不方便。",
            "在综合楼二层设立“爱心妈咪小屋”，配备冰箱、沙发和洗手池。",
        ),
        (
            "liu_yang",
            "爱人",
            "welfare",
            "implementation",
            "想带孩子看看爸爸上班的地方",
            "孩子总问爸爸为什么晚上不回家，我们从没见过他上班的地方，很想来厂里看一看。",
            "8月组织首次家属开放日，63名家属参观了集控室和汽机房。",
        ),
        (
            "ma_chao",
            None,
            "safety",
            "implementation",
            "输煤皮带拉绳开关失灵",
            "#3输煤皮带有两处拉绳开关拉不动，真遇到紧急情况停不了皮带。",
            "对全部皮带拉绳开关进行排查试验，更换失灵开关7个。",
        ),
        (
            "huang_li",
            None,
            "protection",
            "implementation",
            "化验室通风橱风量小",
            "化验室通风橱抽风太弱，做酸碱试验时气味很大，呛得人头疼。",
            "更换通风橱风机并清理风管，风量经检测达标。",
        ),
        (
            "chu_yang",
            "母亲",
            "welfare",
            "explanation",
            "独生子女父母奖励去哪里领",
            "孩子他爸今年退休了，听说有独生子女父母奖励，不知道要去哪里办。",
            "已向家属说明办理流程：厂人力资源部出具证明后到社区办理。",
        ),
        (
            "zheng_yu",
            None,
            "training",
            "implementation",
            "班组手里的规程还是旧版",
            "班组学习用的还是老版本运行规程，新修订的规程只有电子版，现场翻看不方便。",
            "新版运行规程已印发到各值，并上传到班组学习平台。",
        ),
        (
            "zhu_ting",
            None,
            "logistics",
            "implementation",
            "白班下班食堂还没开门",
            "白班四点半交班，食堂五点才开门，想吃了饭再回家要干等半个小时。",
            "食堂晚餐提前到四点半供应。",
        ),
        (
            "chen_chen",
            None,
            "environment",
            "implementation",
            "燃料化验楼屋顶漏雨",
            "燃料化验楼顶层一下大雨就漏水，仪器只能拿塑料布盖着。",
            "in_progress",
        ),
        (
            "sun_hao",
            "爱人",
            "safety",
            "implementation",
            "宿舍楼下电动车私拉电线充电",
            "宿舍楼下电动车都是从窗户拉线充电，看着就害怕，盼着建个集中充电棚。",
            "in_progress",
        ),
        (
            "feng_li",
            None,
            "safety",
            "implementation",
            "锅炉零米排污处常年积水",
            "锅炉零米排污处地面常年积水，冬天结冰，巡检时好几次差点滑倒。",
            "verifying",
        ),
    ],
    [
        (
            "zhang_wei",
            None,
            "training",
            "implementation",
            "希望多组织事故处理比武",
            "年轻值班员越来越多，希望多组织事故处理技术比武，以赛代练。",
            "9月组织运行事故处理技术比武，28名值班员参赛。",
        ),
        (
            "liu_yang",
            None,
            "logistics",
            "implementation",
            "夜班休息室床位不够",
            "夜班休息室只有四张床，后半夜轮换休息时还得等床位。",
            "夜班休息室新增床铺四张并更换床垫。",
        ),
        (
            "zhao_jing",
            "爱人",
            "welfare",
            "implementation",
            "倒班后睡不好、脾气急",
            "他倒班以后经常睡不好觉，脾气也越来越急，希望厂里能请心理老师给大家疏导疏导。",
            "工会引入心理咨询服务，每月一次专家驻厂咨询，并开通了咨询热线。",
        ),
        (
            "huang_li",
            None,
            "protection",
            "implementation",
            "加药间洗眼器水压低",
            "加药间的洗眼器出水很小，真溅到眼睛里根本冲不干净。",
            "更换洗眼器并单独敷设供水管，每周试验一次。",
        ),
        (
            "ma_chao",
            None,
            "welfare",
            "explanation",
            "倒班津贴多年没调整",
            "倒班津贴好多年没变过，大家想知道有没有调整的打算。",
            "职代会上已通报：倒班津贴自明年1月起每班提高10元，已纳入年度预算。",
        ),
        (
            "chu_yang",
            None,
            "environment",
            "implementation",
            "集控楼卫生间下水经常堵",
            "集控楼卫生间下水经常堵，夜班时找不到人修，只能去别的楼。",
            "in_progress",
        ),
        (
            "wei_na",
            "爱人",
            "welfare",
            "implementation",
            "放学后孩子没人接",
            "孩子四点放学，我们俩有一个上夜班、一个上白班，中间这几个小时没人管，希望和附近学校合办课后托管。",
            "in_progress",
        ),
        (
            "zheng_yu",
            None,
            "safety",
            "implementation",
            "厂内道路限速标识被树挡住",
            "厂内主干道车速快，限速标识被树枝挡住了，晚上下班走路很危险。",
            "verifying",
        ),
        (
            "zhu_ting",
            None,
            "logistics",
            "implementation",
            "通勤车不经过新城区",
            "不少年轻职工在新城区买了房，通勤车不经过那里，每天要倒两趟公交。",
            "verifying",
        ),
        (
            "gao_feng",
            None,
            "training",
            "implementation",
            "运行人员想学继电保护",
            "运行人员对电气保护原理不熟悉，事故时判断慢，希望请电气专业的老师来讲课。",
            "classified",
        ),
    ],
    [
        (
            "liu_yang",
            "爱人",
            "logistics",
            "implementation",
            "宿舍三楼暖气不热",
            "去年冬天单身宿舍三楼暖气一直不热，孩子他爸冻得感冒了好几次，今年供热前希望先修好。",
            "供热前已完成宿舍暖气管道冲洗和阀门更换，试运行温度达标。",
        ),
        (
            "chen_chen",
            None,
            "protection",
            "implementation",
            "燃料露天作业防寒服破了",
            "燃料露天作业冬天很冷，去年发的防寒服已经破了好几处。",
            "防寒服已于10月底配发到燃料运行每名职工。",
        ),
        (
            "ma_chao",
            None,
            "safety",
            "implementation",
            "翻车机冬季冻煤",
            "冬天翻车机冻车严重，人工敲冻煤既累又危险，希望加装解冻设施。",
            "in_progress",
        ),
        (
            "huang_li",
            "母亲",
            "welfare",
            "implementation",
            "家属看病挂号难",
            "我们老两口在城里看病排队时间太长，能不能和医院建立职工家属就医绿色通道。",
            "in_progress",
        ),
        (
            "zhao_jing",
            None,
            "environment",
            "implementation",
            "集控室座椅坏了不少",
            "集控室的座椅用了十年，好多已经坏了，一坐就是十二个小时，腰酸背痛。",
            "classified",
        ),
        (
            "feng_li",
            None,
            "training",
            "implementation",
            "学习平台手机端卡顿",
            "学习平台手机端经常卡顿，倒班职工本来就只能用零碎时间学习。",
            "classified",
        ),
        (
            "chu_yang",
            "爱人",
            "welfare",
            "implementation",
            "单身青年交友面窄",
            "厂里单身小伙子多，倒班生活圈子小，希望工会组织些联谊活动。",
            "new",
        ),
        (
            "zheng_yu",
            None,
            "logistics",
            "implementation",
            "快递放门卫夜班取不到",
            "快递只能放门卫，门卫晚上锁柜，下夜班的人白天又在睡觉，经常取不到。",
            "new",
        ),
        (
            "wei_na",
            None,
            "safety",
            "implementation",
            "雪后厂区人行道结冰",
            "去年下雪后厂区人行道结冰，上下班滑倒了好几个人，希望今年提前备好融雪剂。",
            "new",
        ),
    ],
]
OPEN_STATES = ("new", "classified", "in_progress", "verifying")
VERIFICATIONS = [
    "职工代表到现场查看，问题已解决。",
    "回访提出人，对处理结果表示认可。",
    "支部书记带队复查，整改到位。",
    "经班组长和职工代表共同验收。",
]
FEEDBACK = {
    "very_satisfied": "办得又快又实在，谢谢组织。",
    "satisfied": "问题解决了，希望长期坚持。",
    "basic": "基本解决，还有些细节希望继续改进。",
}
SESSION_HOUR_UTC = time(7, 0)


class PartyLedgerDemoData(models.AbstractModel):
    _name = "party.ledger.demo.data"
    _description = "Ledger Demo Data"

    def _employee(self, key):
        return self.env.ref(
            f"party_ledger.hr_employee_{key}_demo", raise_if_not_found=False
        ) or self.env.ref(f"party_points.hr_employee_{key}_demo")

    @api.model
    def _generate_talk_sessions(self, seed):
        """Five confirmed 说句心里话 sessions of the operations branch and
        the 56 suggestions raised there, 38 of them solved."""
        rng = random.Random(seed)
        ref = self.env.ref
        admin = ref("base.user_admin")
        branch = ref("party_points.party_branch_ops_demo")
        meeting_type = ref("party_points.meeting_type_speak_up")
        guests = ref("party_points.hr_department_ops_demo").member_ids.filtered(
            lambda employee: employee not in branch.member_ids.employee_id
        )
        meetings = self.env["party.meeting"].create(
            [
                {
                    "name": topic,
                    "type_id": meeting_type.id,
                    "branch_id": branch.id,
                    "date_start": datetime.combine(day, SESSION_HOUR_UTC),
                    "date_end": datetime.combine(day, SESSION_HOUR_UTC)
                    + timedelta(hours=2),
                    "place": "职工之家",
                    "host_id": branch.secretary_id.id,
                    "recorder_id": admin.id,
                    "guest_employee_ids": [(6, 0, guests.ids)],
                    "guest_names": families,
                    "minutes": f"<p>{topic}。</p><p>党支部书记主持，职工和家属"
                    "代表逐一发言，收集的意见建议当场登记进台账，明确责任人"
                    "和办结时限。</p>",
                }
                for day, topic, families in SESSIONS
            ]
        )
        # a shift on duty or two: excused
        for meeting in meetings:
            line = rng.choice(meeting.attendance_ids)
            line.write({"status": "excused", "excuse_reason": "当班值班，无法参会"})
        meetings.with_user(admin).action_confirm()
        responsibles = [
            ref("party_points.hr_employee_wang_lei_demo"),
            ref("party_points.hr_employee_zhou_min_demo"),
        ]
        supervisor = branch.secretary_id
        verifiers = ref("party_points.hr_employee_zou_kai_demo") | ref(
            "party_points.hr_employee_shi_lei_demo"
        )
        tags = {
            key: ref(f"party_ledger.party_suggestion_tag_{key}_demo")
            for key in (
                "logistics",
                "safety",
                "protection",
                "welfare",
                "training",
                "environment",
            )
        }
        vals_list = []
        for meeting, items in zip(meetings, ITEMS, strict=True):
            for employee, family, tag, kind, title, said, outcome in items:
                submitter = self._employee(employee)
                received = meeting.date_start + timedelta(minutes=rng.randint(10, 110))
                description = said
                if family:
                    description = f"职工家属（{submitter.name}的{family}）反映：{said}"
                vals = {
                    "title": title,
                    "description": description,
                    "employee_id": submitter.id,
                    "meeting_id": meeting.id,
                    "channel": "talk_session",
                    "date_received": received,
                    "branch_id": branch.id,
                    "tag_ids": [(6, 0, tags[tag].ids)],
                    "urgency": "urgent" if tag == "safety" else "normal",
                    "state": outcome if outcome in OPEN_STATES else "done",
                }
                if outcome != "new":
                    vals.update(
                        kind=kind,
                        date_first_response=received
                        + timedelta(hours=rng.randint(3, 40)),
                    )
                if outcome != "new" and kind == "implementation":
                    vals.update(
                        difficulty=rng.choice(("easy", "easy", "hard")),
                        objectivity=str(rng.randint(3, 5)),
                        feasibility=str(rng.randint(2, 5)),
                        importance=str(rng.randint(3, 5)),
                        route="workshop_task",
                    )
                if (
                    outcome in ("in_progress", "verifying")
                    or outcome not in OPEN_STATES
                ):
                    vals.update(
                        responsible_id=rng.choice(responsibles).id,
                        supervisor_id=supervisor.id,
                    )
                if outcome not in OPEN_STATES:
                    closed = received + timedelta(days=rng.randint(6, 40))
                    satisfaction = rng.choices(
                        ("very_satisfied", "satisfied", "basic"), (5, 4, 1)
                    )[0]
                    vals.update(
                        reply=outcome,
                        close_type="implemented"
                        if kind == "implementation"
                        else "explained",
                        date_closed=closed,
                        verifier_ids=[(6, 0, rng.choice(verifiers).ids)],
                        verification_note=rng.choice(VERIFICATIONS),
                        date_verified=closed,
                        satisfaction=satisfaction,
                        feedback_comment=FEEDBACK[satisfaction],
                        date_feedback=closed + timedelta(days=rng.randint(1, 3)),
                    )
                vals_list.append(vals)
        return self.env["party.suggestion"]._workflow_env().create(vals_list)
