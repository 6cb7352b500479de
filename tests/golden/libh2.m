libh2 ; %H edge cases: (1841 and later) invalid dates and times give "", two-digit years are 19xx, AM/PM is ignored by CTN
 for s="2/30/2000","0/1/2000","1/32/2000","02/29/1900","2/29/2100","14/1/2000","1/1/00","1/1/99","" write "CDN ",s,": [",$$CDN^%H(s),"]",!
 for t="24:00","23:60","23:59:60","0:0:59","","5","1:2:3:4","12:30PM" write "CTN ",t,": [",$$CTN^%H(t),"]",!
 for h=-1,"",1.5,"5x" write "CDS ",h,": [",$$CDS^%H(h),"]",!
 for t=86400,-1,1.5 write "CTS ",t,": [",$$CTS^%H(t),"]",!
 quit
