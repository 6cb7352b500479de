fnz1 ; $NEXT, $ZPREVIOUS, $ZSUBSTR, $ZCONVERT, $ZWIDTH and the M-mode Z byte functions, in GT.M's abbreviations
 s a(1)=1,a(3)=3,a(-1)=0,b=1,c=2
 w $n(a(1)),"|",$next(a(-1)),"|",$next(a(3)),"|",$n(a("")),!
 w $zp(a("")),"|",$zp(a(-1)),"|",$zp(c),"|",$zp(b),"|",$zprevious(a(3)),"|",$zprev(a(3)),"|",$zpr(a(1)),!
 w $zwidth($c(9)),$zwidth($c(0,1,2)),$zwidth("ab"_$c(127)),$zw("abc"),$zwid("x"),!
 w $zsubstr("abcdef",0),"|",$zsubstr("abcdef",-1,3),"|",$zsubstr("abc",2,-1),"|",$zsub("abc",2,100),"|",$zsubstr("abcdef",2,3),!
 w $zconvert("hello wORLD","t"),"|",$zco("aB","l"),"|",$zconv("abc","U"),"|",$zcon("x1y z-w","T"),!
 w $zchar(65,66),$zch(67),$zcha(68),"|",$zascii("A"),$za("AB",2),$zasc("a"),!
 w $zextract("abc",2),$ze("abc",1,2),$zext("ab"),"|",$zfind("abc","b"),$zf("abc","c"),$zfi("ab","b"),!
 w $zlength("abc"),$zl("a,b",","),$zlen("ab"),"|",$zpiece("a,b",",",2),$zpi("a,b",","),$zpie("a","a"),!
 w $ztranslate("abc","a","A"),$ztr("abc","b"),$ztrans("abc","a"),"|",$zjustify("ab",5),$zj("ab",4),$zjust("a",2),!
 w $zdata(a),$zdata(a(1)),$zda(a(1)),"|",$zincr(x),$incr(x),$increment(x),"|",$zwr("a"),!
 s code="X",$et="w $p($zs,"","",3,9),! s $ec="""" q"
 d bad,nextname
 w "end",!
 q
bad w $zconvert("a",code),! q
nextname x "w $n(b)" q
