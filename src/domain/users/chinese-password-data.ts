// Data of the Chinese weak-password checks (docs/security/accounts.md): common passwords of Chinese users, words
// that make a "Word@year" password, number patterns, keyboard walks, pinyin syllables and common surnames. Written
// for gongkai from the patterns leaked-password studies of Chinese sites keep finding at the top (6-digit runs,
// 5201314 "我爱你一生一世", woaini, qq + digits, keyboard columns such as 1qaz2wsx, pinyin names with a birth date);
// compact on purpose: the rules in weak-passwords.ts generalize each entry (a trailing year, separators, case).

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Whole passwords, lower case, that are refused as they are or with a few digits or symbols around them. */
export const COMMON_CHINESE_PASSWORDS: readonly string[] = words(`
  123456 123456789 12345678 1234567890 111111 000000 666666 888888 123123 654321 987654321 112233 147258369
  123321 5201314 1314520 7758521 7758258 5211314 1314521 520520 521521 147258 159357 258369 201314
  a123456 a12345678 a123456789 aa123456 abc123 abc123456 abc12345678 123456a 123456aa 123abc qq123456 qq5201314
  woaini woaini1314 woaini520 woaini5201314 iloveyou iloveyou1314 woaiwojia woainima aini1314 wodemima
  password passw0rd p@ssw0rd password1 admin admin123 admin888 admin@123 root123 test123 guest123
  1qaz2wsx 1qaz2wsx3edc 1q2w3e4r 1q2w3e4r5t zaq12wsx qwe123 qwe123456 qweasd qweasdzxc asd123 zxc123 zxcvbnm
  qwertyuiop asdfghjkl 1qazxsw2 q1w2e3r4 woshishui wocaonima nihaoma huanying mima123 mima123456 caonima
  dearbook sunshine princess football iloveyou1 letmein welcome monkey dragon master superman baseball
`);

/** Words that, with a year or a few digits, make a weak password ("Admin@2026", "Woaini@1314"). */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  words(`
  admin administrator root system sys manager guanli guanliyuan test ceshi guest user yonghu super superuser
  password pass passwd mima denglu login welcome huanying hello nihao qwerty asdf abc abcd abcdef aaa
  love iloveyou woaini aini woaiwojia woaini1314 sunshine princess dragon monkey master shadow football baseball
  china zhongguo beijing shanghai guangzhou shenzhen tianjin chongqing hangzhou nanjing wuhan chengdu
  gongkai zhengfu zhengwu renmin gov office bangong bangongshi gongzuo danwei xinxi gongkaiban xitong shuju
  fuwu kaifa server internet computer windows huawei xiaomi baidu tencent taobao alibaba weixin wechat
  xingfu kuaile pingan fugui facai ruyi jixiang tiantian haha hehe meimei gege jiejie baobao laogong laopo
`),
);

/** Numbers people choose for their meaning or their ease (5201314 我爱你一生一世, 168 一路发). */
export const COMMON_NUMBERS: readonly string[] = words(`
  5201314 1314520 5211314 1314521 7758521 7758258 520 521 1314 168 518 888 666 999 8888 6666 9999 147258369 159357
  147258 258369 123321 112233 110 119 120 007 12306 10086 10000
`);

/** Rows, columns and zigzags of the keyboard; any run of three keys along one of them is a walk. */
export const KEYBOARD_WALKS: readonly string[] = words(`
  1234567890 qwertyuiop asdfghjkl zxcvbnm 1qaz 2wsx 3edc 4rfv 5tgb 6yhn 7ujm 8ik 9ol 0p
  1q2w3e4r5t6y7u8i9o0p qazwsxedcrfvtgbyhnujmikolp zaq1xsw2cde3vfr4bgt5nhy6mju7 q1w2e3r4t5y6u7i8o9p0
  qweasdzxc asdqwezxc poiuytrewq lkjhgfdsa mnbvcxz
`);

/** Every pinyin syllable without tones (ü written v), for splitting a name. */
export const PINYIN_SYLLABLES: ReadonlySet<string> = new Set(
  words(`
  a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng
  cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu
  cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
  e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan
  guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian
  jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang
  kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv
  lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen
  neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi
  pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re
  ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen
  sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
  teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao
  xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang
  zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
  zhun zhuo zi zong zou zu zuan zui zun zuo
`),
);

/** Common surnames in pinyin (the hundred or so most frequent, and the common two-syllable ones). */
export const PINYIN_SURNAMES: readonly string[] = words(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
  feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai jia ding wei xue ye yan lu du dai xia zhong fu qiu
  tan tao jin shen ren yao fan shi liao zou xiong meng qin bai gu hou shao mao wan duan lei qian yin long chang wen
  kang niu hao qiao lan qu fang zhan su ni cheng lv mo geng kong hong xing an bao wu ji gong yue
  ouyang situ shangguan zhuge dongfang huangfu murong sima
`);
