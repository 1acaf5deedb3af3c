"""Demo data that takes code to write: the 说句心里话 talk sessions of the
operations branch (5 sessions, 56 suggestions, 38 solved), as the seed's
coal-mining area reports them. A model without a table, called by
demo/party_ledger_talk_demo.xml only."""

import random
from datetime import date, datetime, time, timedelta

from odoo import api, models

from . import party_ledger_demo_texts as texts

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
            "classified",
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
            "classified",
        ),
        (
            "zheng_yu",
            None,
            "logistics",
            "implementation",
            "快递放门卫夜班取不到",
            "快递只能放门卫，门卫晚上锁柜，下夜班的人白天又在睡觉，经常取不到。",
            "classified",
        ),
        (
            "wei_na",
            None,
            "safety",
            "implementation",
            "雪后厂区人行道结冰",
            "去年下雪后厂区人行道结冰，上下班滑倒了好几个人，希望今年提前备好融雪剂。",
            "classified",
        ),
    ],
]
OPEN_STATES = ("new", "classified", "in_progress", "verifying")
SESSION_HOUR_UTC = time(7, 0)
# The working day in UTC: 8:00 to 17:30 in Beijing.
WORKDAY_UTC = (time(0, 0), time(9, 30))
# The day the demo ledger is seen from (the points demo's too): the
# branches' "two years" end here.
UNTIL = datetime(2026, 11, 22, 9, 0)
TWO_YEARS_AGO = date(2024, 11, 23)
# How the staff judge what was done, by branch: the maintenance branch
# leaves fewer "basically satisfied" than operations, and the office's few
# items (a dozen a year) none.
SATISFACTION = ("very_satisfied", "satisfied", "basic")
SATISFACTION_WEIGHTS = {"maint": (55, 42, 3), "ops": (50, 42, 6), "office": (55, 45, 0)}
# How often a branch's officers answer late (after three days): the
# operations branch now and then; the maintenance branch (铜仁's model
# branch) and the office never.
SLOW_ANSWERS = {"maint": 0.0, "ops": 0.07, "office": 0.0}
# Who works the items of a zone (responsible, supervisor) and which
# employee representatives (职工代表, not Party members) verify them: xml
# ids without their module and _demo suffix.
ZONE_STAFF = {
    "boiler": (("yang_fan", "he_ping"), "chen_zhiqiang", ("hu_bin", "he_yong")),
    "electric": (("qin_bo", "you_hui"), "chen_zhiqiang", ("guo_qiang", "hu_bin")),
    "control": (("wang_lei", "chen_gang"), "li_hongmei", ("zhu_ting", "huang_li")),
    "chemistry": (("zhou_min",), "li_hongmei", ("huang_li", "zhu_ting")),
    "coal": (("chen_gang", "wang_lei"), "li_hongmei", ("ma_chao", "zhu_ting")),
    "service": (("wei_dong", "jin_hua"), "liu_fang", ("luo_min", "liang_yan")),
    "safety": (("jin_hua", "wei_dong"), "liu_fang", ("liang_yan", "luo_min")),
}
BRANCH_ZONES = {
    "maint": ("boiler", "electric"),
    "ops": ("control", "chemistry", "coal"),
    "office": ("service", "safety"),
}
BRANCH_OF = {zone: branch for branch, zones in BRANCH_ZONES.items() for zone in zones}


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
        verifiers = self._employees(ZONE_STAFF["control"][2] + ZONE_STAFF["coal"][2])
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
                        date_first_response=self._working(
                            received
                            + timedelta(
                                hours=rng.randint(3, 20 if tag == "safety" else 40)
                            )
                        ),
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
                if outcome in ("in_progress", "verifying"):
                    vals["date_started"] = self._started(
                        rng, vals["date_first_response"], UNTIL
                    )
                if outcome not in OPEN_STATES:
                    answered = vals["date_first_response"]
                    closed = min(
                        answered + timedelta(days=rng.randint(5, 38)),
                        UNTIL - timedelta(days=2),
                    )
                    if kind == "implementation":
                        vals["date_started"] = self._started(rng, answered, closed)
                    vals.update(
                        reply=outcome,
                        close_type="implemented"
                        if kind == "implementation"
                        else "explained",
                        date_closed=closed,
                        **self._feedback_vals(rng, closed, "ops"),
                    )
                    if kind == "implementation":
                        checkers = verifiers.browse(
                            rng.sample(verifiers.ids, rng.choice((1, 1, 2)))
                        )
                        vals.update(
                            verifier_ids=[(6, 0, checkers.ids)],
                            verification_note=self._verification_note(
                                rng, closed, checkers, f"回访了{submitter.name}"
                            ),
                            date_verified=closed,
                        )
                vals_list.append(vals)
        return self.env["party.suggestion"]._workflow_env().create(vals_list)

    # ------------------------------------------------------------------
    # helpers of both generators
    # ------------------------------------------------------------------
    def _employees(self, keys):
        employees = self.env["hr.employee"]
        for key in keys:
            employees |= self._employee(key)
        return employees

    @staticmethod
    def _working(moment):
        """``moment`` if it falls in the working day, else the same minute
        of the next working day's first hour (officers answer and start work
        at their desks, not at night)."""
        start, end = WORKDAY_UTC
        if start <= moment.time() <= end:
            return moment
        day = moment.date()
        if moment.time() > end:
            day += timedelta(days=1)
        return datetime.combine(day, start) + timedelta(minutes=moment.minute)

    @api.model
    def _started(self, rng, answered, until):
        """When the work on an item answered at ``answered`` began: an hour
        to three days later in the working day, in the first half of the
        time to ``until`` (its verification, or the demo's day for an item
        still worked on)."""
        return min(
            self._working(answered + timedelta(hours=rng.uniform(1, 72))),
            self._working(answered + (until - answered) / 2),
            until,
        )

    @api.model
    def _verification_note(self, rng, when, verifiers, check):
        """What the employee representatives found: the day, who, what they
        checked (specific to the item) and what they found."""
        names = "、".join(verifiers.mapped("name"))
        finding = rng.choice(texts.FINDINGS)
        day = f"{when.year}年{when.month}月{when.day}日"
        return f"{day}，职工代表{names}{check}，{finding}。"

    @api.model
    def _feedback_vals(self, rng, closed, branch_key, satisfaction=None):
        """The submitter's judgement a few days after the close (none for a
        few items, nor for items closed too late to be rated by UNTIL)."""
        feedback = closed + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 6))
        if feedback > UNTIL or (not satisfaction and rng.random() < 0.06):
            return {}
        satisfaction = (
            satisfaction
            or rng.choices(SATISFACTION, SATISFACTION_WEIGHTS[branch_key])[0]
        )
        comment = rng.random() < 0.55 and rng.choice(texts.COMMENTS[satisfaction])
        return {
            "satisfaction": satisfaction,
            "feedback_comment": comment or False,
            "date_feedback": feedback,
        }

    # ------------------------------------------------------------------
    # the ledger of the three branches
    # ------------------------------------------------------------------
    @api.model
    def _generate_ledger(self, seed):
        """Two years of the suggestion ledger, as the seeds tell it:

        - 检修部党支部 (铜仁's first branch): 106 problems solved in the two
          years to UNTIL, 13 of them key projects completed (each item
          closing with its project, which ran for months and was verified
          by employee representatives), and a few still open;
        - 运行部党支部 (综采区's online group): 21 messages of the online
          group, every one answered within 24 hours, a few other items and
          the fresh-air key project under way (the talk sessions are
          generated by _generate_talk_sessions);
        - 机关党支部: mailbox, portal and survey items, anonymous ones
          among them, and the night-meal key project done.

        Every timeline is possible (received <= answered <= started <=
        verified = closed <= feedback); the texts come from party_ledger_demo_texts.py,
        each problem raised at most once per place. Called by
        demo/party_ledger_demo.xml only."""
        rng = random.Random(seed)
        slots = {}
        for problem in texts.PROBLEMS:
            for place in problem[3]:
                slots.setdefault(problem[0], []).append((problem, place))
        for zone_slots in slots.values():
            rng.shuffle(zone_slots)
        projects = self._generate_projects(rng)
        vals_list = [
            self._project_item_vals(rng, project, template)
            for project, template in projects
        ]
        for branch_key, channel, state, window in self._ledger_plan():
            zones = [key for key in BRANCH_ZONES[branch_key] if slots.get(key)]
            zone_key = rng.choice(zones)
            problem, place = slots[zone_key].pop()
            vals_list.append(
                self._item_vals(rng, zone_key, channel, state, window, problem, place)
            )
        items = self.env["party.suggestion"]._workflow_env().create(vals_list)
        # one item the employee judged unsatisfied at first: reopened under
        # supervision, reworked and verified again
        reopened = items.filtered(
            lambda item: (
                item.state == "done"
                and item.route == "workshop_task"
                and item.satisfaction
            )
        )[:1]
        reopened._workflow_write(
            {
                "reopen_count": 1,
                "is_supervised": True,
                "satisfaction": "satisfied",
                "feedback_comment": "第一次没修好，返工以后才算真正解决。",
            }
        )
        # what the workflow sets on a late close
        items.filtered(
            lambda item: item.state == "done" and not item.closed_on_time
        )._workflow_write({"is_overdue": True})
        return items

    @api.model
    def _ledger_plan(self):
        """``(branch, channel, state, (first, last) day received)`` of each
        item that is not a key project's."""
        until = UNTIL.date()
        two_years = (TWO_YEARS_AGO + timedelta(days=1), until - timedelta(days=50))
        recent = (until - timedelta(days=40), until - timedelta(days=8))
        last_days = (until - timedelta(days=6), until - timedelta(days=1))
        year = (until - timedelta(days=330), until - timedelta(days=50))
        plan = []
        # 检修: 93 workshop items solved (106 with the 13 key projects), the
        # branch's work growing: 48 of them raised this year; few still open
        channels = ["dual_link"] * 10 + ["team_meeting"] * 5 + ["life_meeting"] * 2
        channels += ["portal"] * 2 + ["mailbox"]
        this_year = (date(until.year, 1, 1), year[1])
        plan += [
            (
                "maint",
                channels[i % len(channels)],
                "done",
                this_year
                if i < 48
                else (two_years[0], this_year[0] - timedelta(days=1)),
            )
            for i in range(93)
        ]
        plan += [
            ("maint", "dual_link", "new", last_days),
            ("maint", "dual_link", "in_progress", recent),
            ("maint", "dual_link", "verifying", recent),
            ("maint", "dual_link", "cancelled", year),
        ]
        # 运行: the online group's 21 messages, all answered within a day
        plan += [("ops", "online_group", "done", year) for _i in range(15)]
        plan += [("ops", "online_group", "in_progress", recent) for _i in range(3)]
        plan += [("ops", "online_group", "verifying", recent) for _i in range(2)]
        plan += [("ops", "online_group", "classified", (recent[1], last_days[1]))]
        plan += [
            ("ops", "dual_link", "done", year),
            ("ops", "dual_link", "done", year),
            ("ops", "team_meeting", "done", year),
            ("ops", "life_meeting", "done", year),
            ("ops", "mailbox", "done", year),
            ("ops", "dual_link", "in_progress", recent),
            ("ops", "dual_link", "new", last_days),
        ]
        # 机关: a small ledger, all answered, one item still open
        plan += [
            ("office", "mailbox", "done", year),
            ("office", "mailbox", "done", year),
            ("office", "mailbox", "done", year),
            ("office", "mailbox", "classified", (recent[1], last_days[1])),
            ("office", "portal", "done", year),
            ("office", "portal", "done", year),
            ("office", "portal", "done", year),
            ("office", "survey", "done", year),
            ("office", "survey", "done", year),
            ("office", "dual_link", "done", year),
            ("office", "dual_link", "done", year),
            ("office", "other", "cancelled", year),
        ]
        return plan

    @staticmethod
    def _month(offset):
        """The first day of the month ``offset`` months after December 2024."""
        year, month = divmod(11 + offset, 12)
        return date(2024 + year, month + 1, 1)

    @staticmethod
    def _at(day, rng):
        """A moment of the working day ``day`` (Beijing 8:00 to 15:45)."""
        return datetime.combine(day, time(rng.randint(0, 7), rng.choice((30, 0, 15))))

    @api.model
    def _generate_projects(self, rng):
        """The key projects: 13 of 检修 done over the two years, each having
        run its months of tasks and finished by its deadline; one under way
        and one being verified; the
        fresh-air project of 运行 under way, the night meals of 机关 done.
        Returns ``[(project, template)]``."""
        ref = self.env.ref
        by_zone = {}
        for template in texts.PROJECTS:
            by_zone.setdefault(BRANCH_OF[template[0]], []).append(template)
        # (template, first month offset, state)
        maint = by_zone["maint"]
        schedule = []
        starts = sorted(rng.sample(range(1, 19), 13))
        for template, start in zip(maint[:13], starts, strict=True):
            start = min(start, 23 - len(template[6]))
            schedule.append((template, start, "done"))
        schedule.append((maint[13], 24 - len(maint[13][6]) + 1, "in_progress"))
        schedule.append((maint[14], 23 - len(maint[14][6]), "verifying"))
        schedule.append(
            (by_zone["ops"][0], 24 - len(by_zone["ops"][0][6]), "in_progress")
        )
        schedule.append((by_zone["office"][0], 15, "done"))
        vals_list, milestones = [], []
        for template, start, state in schedule:
            zone_key, name, _title, _said, _effect, measures, tasks = template[:7]
            check = template[8]
            responsibles, supervisor, representatives = ZONE_STAFF[zone_key]
            zone = ref(f"party_ledger.{texts.ZONES[zone_key]}_demo")
            reps = self._employees(representatives)
            finished = self._at(
                self._month(start + len(tasks)) + timedelta(days=rng.randint(4, 16)),
                rng,
            )
            # done ones finished by their deadline; the work of an open one
            # is due at the end of its last month, and a project being
            # verified has two more months for its acceptance
            deadline = finished.date() + timedelta(days=rng.randint(0, 20))
            if state != "done":
                months = len(tasks) + (3 if state == "verifying" else 1)
                deadline = self._month(start + months) - timedelta(days=1)
            vals = {
                "name": name,
                "branch_id": zone.branch_id.id,
                "responsible_id": self._employee(responsibles[0]).id,
                "supervisor_id": self._employee(supervisor).id,
                "measures": measures,
                "representative_ids": [(6, 0, reps.ids)],
                "date_deadline": deadline,
                "state": state,
            }
            if state == "done":
                verifiers = reps.browse(rng.sample(reps.ids, rng.choice((1, 2, 2))))
                vals.update(
                    verifier_ids=[(6, 0, verifiers.ids)],
                    verification_note=self._verification_note(
                        rng, finished, verifiers, check
                    ),
                    date_verified=finished,
                )
            vals_list.append(vals)
            today = self._month(23)
            milestones.append(
                [
                    {
                        "month": self._month(start + offset),
                        "task": task,
                        "done": state == "done"
                        or self._month(start + offset) < today
                        or (state == "verifying"),
                    }
                    for offset, task in enumerate(tasks)
                ]
            )
        projects = self.env["party.practical.project"]._workflow_env().create(vals_list)
        self.env["party.practical.milestone"].create(
            [
                dict(vals, project_id=project.id)
                for project, project_milestones in zip(
                    projects, milestones, strict=True
                )
                for vals in project_milestones
            ]
        )
        return list(zip(projects, [item[0] for item in schedule], strict=True))

    @api.model
    def _project_item_vals(self, rng, project, template):
        """The suggestion a key project answers: raised a few weeks before
        its first month, closing with the project."""
        zone_key, _name, title, said, effect = template[:5]
        reply = template[7]
        zone = self.env.ref(f"party_ledger.{texts.ZONES[zone_key]}_demo")
        first = min(project.milestone_ids.mapped("month"))
        received = self._at(first - timedelta(days=rng.randint(8, 25)), rng)
        answered = self._working(received + timedelta(hours=rng.randint(3, 44)))
        vals = {
            "title": title,
            "description": rng.choice(texts.OPENINGS) + said + effect,
            "employee_id": rng.choice(zone.employee_ids).id,
            "channel": "dual_link",
            "zone_id": zone.id,
            "date_received": received,
            "tag_ids": [(6, 0, self._project_tag(template[1]).ids)],
            "urgency": "normal",
            "kind": "implementation",
            "difficulty": "hard",
            "objectivity": str(rng.randint(4, 5)),
            "feasibility": str(rng.randint(3, 5)),
            "importance": str(rng.randint(4, 5)),
            "route": "key_project",
            "project_id": project.id,
            "responsible_id": project.responsible_id.id,
            "supervisor_id": project.supervisor_id.id,
            "date_deadline": project.date_deadline,
            "date_first_response": answered,
            # the work starts with the project, in its first month
            "date_started": self._at(first + timedelta(days=rng.randint(0, 6)), rng),
            "state": "in_progress" if project.state != "done" else "done",
        }
        if project.state == "done":
            closed = project.date_verified
            vals.update(
                reply=reply,
                close_type="implemented",
                verifier_ids=[(6, 0, project.verifier_ids.ids)],
                verification_note=project.verification_note,
                date_verified=closed,
                date_closed=closed,
                **self._feedback_vals(
                    rng,
                    closed,
                    BRANCH_OF[zone_key],
                    rng.choice(("very_satisfied", "satisfied")),
                ),
            )
        return vals

    @api.model
    def _project_tag(self, name):
        """The tag of a key project, from what its name says."""
        tag = next(
            (
                tag
                for words, tag in (
                    (("休息", "冲洗", "餐", "食堂"), "logistics"),
                    (("培训", "实训", "校验"), "training"),
                    (("保温", "新风", "保护室", "桥架"), "environment"),
                )
                if any(word in name for word in words)
            ),
            "safety",
        )
        return self.env.ref(f"party_ledger.party_suggestion_tag_{tag}_demo")

    @api.model
    def _item_vals(self, rng, zone_key, channel, state, window, problem, place):
        """One item of the ledger from a problem raised at ``place``, in
        ``state``, with a timeline that could have happened."""
        _zone, tag, kind, _places, title, said, effect, reply, check = problem
        zone = self.env.ref(f"party_ledger.{texts.ZONES[zone_key]}_demo")
        responsibles, supervisor, representatives = ZONE_STAFF[zone_key]
        if kind == "explanation" and state in ("in_progress", "verifying"):
            state = "classified"
        first, last = window
        day = first + timedelta(days=rng.randint(0, (last - first).days))
        if channel == "online_group":
            # messages come at any hour of the day and evening
            received = datetime.combine(
                day, time(rng.randint(0, 13), rng.randint(0, 59))
            )
        else:
            received = self._at(day, rng)
        urgency = "normal"
        if tag == "safety":
            urgency = rng.choice(("urgent", "urgent", "normal", "immediate"))
        fmt = {"p": place, "n": rng.randint(2, 12)}
        vals = {
            "title": title.format(**fmt),
            "description": rng.choice(texts.OPENINGS) + said.format(**fmt) + effect,
            "employee_id": rng.choice(zone.employee_ids).id,
            "channel": channel,
            "branch_id": zone.branch_id.id,
            "date_received": received,
            "tag_ids": [
                (
                    6,
                    0,
                    self.env.ref(f"party_ledger.party_suggestion_tag_{tag}_demo").ids,
                )
            ],
            "urgency": urgency,
            "is_anonymous": channel == "mailbox" and rng.random() < 0.6,
            "state": state,
        }
        if channel in ("dual_link", "team_meeting"):
            vals["zone_id"] = zone.id
        if state == "new":
            return vals
        # the first answer: within a day in the online group and for
        # urgent matters, mostly within three days otherwise
        if urgency == "immediate":
            hours = rng.uniform(0.3, 1.8)
        elif channel == "online_group" or urgency != "normal":
            hours = rng.uniform(0.5, 20)
        elif rng.random() < SLOW_ANSWERS[BRANCH_OF[zone_key]]:
            hours = rng.uniform(75, 100)
        else:
            hours = rng.uniform(2, 60)
        answered = received + timedelta(hours=hours)
        if channel != "online_group" and urgency == "normal":
            answered = self._working(answered)
        vals.update(kind=kind, date_first_response=answered)
        if kind == "implementation":
            vals.update(
                difficulty="easy",
                objectivity=str(rng.randint(3, 5)),
                feasibility=str(rng.randint(3, 5)),
                importance=str(rng.randint(2, 5)),
                route="workshop_task",
            )
        if state == "cancelled":
            vals["cancel_reason"] = rng.choice(texts.CANCEL_REASONS)
            return vals
        if state == "classified":
            return vals
        vals.update(
            responsible_id=self._employee(rng.choice(responsibles)).id,
            supervisor_id=self._employee(supervisor).id,
        )
        if state != "done":
            vals["date_started"] = self._started(rng, answered, UNTIL)
            return vals
        if kind == "explanation":
            closed = self._working(answered + timedelta(hours=rng.randint(1, 80)))
            vals.update(
                reply=reply.format(**fmt),
                close_type="explained",
                date_closed=closed,
                **self._feedback_vals(rng, closed, BRANCH_OF[zone_key]),
            )
            return vals
        quick = urgency != "normal"
        if rng.random() < 0.08:
            days = rng.randint(9, 12) if quick else rng.randint(33, 45)
        else:
            days = rng.randint(1, 5) if quick else rng.randint(4, 27)
        closed = max(
            self._at((answered + timedelta(days=days)).date(), rng),
            answered + timedelta(hours=2),
        )
        reps = self._employees(representatives)
        vals["date_started"] = self._started(rng, answered, closed)
        verifiers = reps.browse(rng.sample(reps.ids, rng.choice((1, 1, 2))))
        vals.update(
            reply=reply.format(**fmt),
            close_type="implemented",
            verifier_ids=[(6, 0, verifiers.ids)],
            verification_note=self._verification_note(
                rng, closed, verifiers, check.format(**fmt)
            ),
            date_verified=closed,
            date_closed=closed,
            **self._feedback_vals(rng, closed, BRANCH_OF[zone_key]),
        )
        return vals
