%H ; minim library: $HOROLOG date and time conversions
 ; $$CDS^%H(h) day number to M/D/YYYY    DO %CDS^%H: %DT in, %DAT out
 ; $$CTS^%H(t) seconds to HH:MM:SS       DO %CTS^%H: %TM in, %TIM out
 ; $$CDN^%H(d) M/D/Y to day number       DO %CDN^%H: %DT in, %DAT out
 ; $$CTN^%H(t) H:M:S to seconds          DO %CTN^%H: %TM in, %TIM out
 ; Invalid input gives "" (CDS: days 0 to 94657). Day 1 is 1/1/1841; a year below 100 means 19yy.
 quit
%CDS set %DAT=$$CDS(%DT) quit
CDS(dt) new d,z,era,doe,yoe,doy,mp,dd,mm,yy
 set d=+dt\1 if d<0 quit ""
 if d>94657 quit ""  ; GT.M's %H stops at 2/28/2100
 ; civil date from a day count (days since 1970-01-01 is d-47117)
 set z=d-47117+719468,era=z\146097,doe=z-(era*146097)
 set yoe=doe-(doe\1460)+(doe\36524)-(doe\146096)\365
 set yy=yoe+(era*400),doy=doe-(365*yoe+(yoe\4)-(yoe\100))
 set mp=5*doy+2\153,dd=doy-(153*mp+2\5)+1,mm=$select(mp<10:mp+3,1:mp-9)
 if mm<3 set yy=yy+1
 quit mm_"/"_dd_"/"_yy
%CTS set %TIM=$$CTS(%TM) quit
CTS(tm) new t
 set t=+tm\1 if t<0!(t>86399) quit ""
 quit $$two(t\3600)_":"_$$two(t#3600\60)_":"_$$two(t#60)
two(n) quit $extract(100+n,2,3)
%CDN set %DAT=$$CDN(%DT) quit
CDN(dt) new m,d,y,ml,yy,era,yoe,doy,doe,mp
 set m=+$piece(dt,"/",1),d=+$piece(dt,"/",2),y=+$piece(dt,"/",3)
 if y<100 set y=y+1900
 if m<1!(m>12)!(d<1) quit ""
 set ml=$piece("31,28,31,30,31,30,31,31,30,31,30,31",",",m)
 if m=2,y#4=0,(y#100'=0)!(y#400=0) set ml=29
 if d>ml quit ""
 ; day count from a civil date (days since 1970-01-01, plus 47117)
 set yy=y-(m<3),era=$select(yy<0:yy-399,1:yy)\400,yoe=yy-(era*400)
 set mp=$select(m>2:m-3,1:m+9),doy=153*mp+2\5+d-1
 set doe=yoe*365+(yoe\4)-(yoe\100)+doy
 quit era*146097+doe-719468+47117
%CTN set %TIM=$$CTN(%TM) quit
CTN(tm) new h,m,s
 set h=+$piece(tm,":",1),m=+$piece(tm,":",2),s=+$piece(tm,":",3)
 if h<0!(h>23)!(m<0)!(m>59)!(s<0)!(s>59) quit ""
 quit h*3600+(m*60)+s
