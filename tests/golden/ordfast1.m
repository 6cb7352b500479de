ordfast1 ; $ORDER, $DATA, $GET and reads of locals and globals whose subscripts are literals or plain locals
 new a,k,l,n,s,z,u
 for k=1:1:3 for l="x","y",1,-2.5,"01" set a("z",k,l)=k_l,^G(k,l)=k_l
 set a("z",2)="two",a("",1)="null",^G("k")="kv"
 ; a nested walk, both directions, and from keys that are not there
 set k="" for  set k=$order(a("z",k)) quit:k=""  set l="" for  set l=$order(a("z",k,l)) quit:l=""  write k,":",l,"=",a("z",k,l)," "
 write !
 set k="" for  set k=$order(a("z",k),-1) quit:k=""  set l="" for  set l=$order(a("z",k,l),-1) quit:l=""  write k,":",l," "
 write !
 set k=2,l="w" write $order(a("z",k,l)),"|",$order(a("z",k,l),-1),"|",$order(a("z",k,"01")),"|[",$order(a("z",k,"y")),"]",!
 set k=9 write "[",$order(a("z",k,"")),"]|[",$order(b("z",k,"")),"]|",$order(a("",1)),"|",$order(a("",""),-1),!
 ; $DATA, $GET and reads
 set k=2,l=1 write $data(a("z",k)),$data(a("z",k,l)),$data(a("z",k,"q")),$data(a("z")),$data(b(1,2)),!
 write $get(a("z",k,l)),"|",$get(a("z",k,"q")),"|",$get(a("z",k,"q"),"dflt"),"|",$get(a("z",k,l),"dflt"),"|",a("z",k,l),"|",a("",1),!
 set n=0 write $get(a("z",k,l),$increment(n)),"|",n,"|",$get(a("z",k,"q"),$increment(n)),"|",n,!
 ; numbers given as text: "2" and 2 are one subscript, "01" and "2.0" are strings
 set k="2",l="-2.5" write a("z",k,l),"|",$data(a("z","2.0")),"|",$order(a("z",2.0,"")),!
 ; an undefined subscript is UNDEF
 for s="a(""z"",u,1)","$order(a(""z"",k,u))","$order(^G(u))","$order(^G(1,u),-1)" do try(s)
 ; globals: a walk, the naked reference and $REFERENCE after each $ORDER
 set k="" for  set k=$order(^G(k)) quit:k=""  write k,"(",$reference,") " set l="" for  set l=$order(^G(k,l)) quit:l=""  write l,"=",^(l)," "
 write !,$reference,!
 set k=2,l="x" write $order(^G(k,l)),"|",$reference,"|",$order(^G(k,l),-1),"|",^("y"),"|",$reference,!
 set k=3 write "[",$order(^G(k,"01")),"]|",$reference,"|",$order(^G(k,"")),"|",$order(^G(k,""),-1),"|",$order(^G("")),"|",$order(^G(""),-1),!
 write "[",$order(^G(7,1)),"]|",$reference,"|[",$order(^NONE(1)),"]|",$reference,!
 set u="" do try("$order(^G(u,1))")
 kill ^G
 quit
try(s) ; write what evaluating s gives, or the error
 new $etrap set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
 write s," = ",@s,!
 quit
