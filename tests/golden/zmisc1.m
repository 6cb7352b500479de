zmisc1 ; $ZTRNLNM, $ZDIRECTORY, $ZPOSITION, $SYSTEM, ZSHOW "*" into a variable, $ZJOBEXAM, ZSYSTEM
 set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
 write $piece($system,",",1),!
 write $zposition,! do sub write $zpos,!
 xecute "write $zposition,!"
 write $ztrnlnm("ZMISC_NOT_SET_ANYWHERE")="",$data(zz),!
 zsystem "exit 3" write "zsystem=",$zsystem,!
 zsystem "echo from the shell" write "zsystem=",$zsystem,!
 zsystem "exit 1","exit 4" write "zsystem=",$zsystem,!
 zsystem "kill -TERM $$" write "zsystem=",$zsystem,!
 set d=$zdirectory write $extract(d,$length(d))="/",!
 set $zdirectory="/tmp" write $zdirectory,!
 set $zdirectory="/tmp/" write $zdirectory,!
 do baddir
 set $zdirectory=d write $zdirectory=d,!
 ; ZSHOW "*" into a variable: I, V, D and L (GT.M also G and R), never S
 set a=1 zshow "*":z
 write $data(z("I")),$data(z("V")),$data(z("D")),$data(z("L")),$data(z("S")),!
 write z("L",0),!
 set k="" for  set k=$order(z("I",k)) quit:k=""  if $piece(z("I",k),"=")="$ZINTERRUPT" write z("I",k),!
 for k="$ZININTERRUPT","$ZEOF","$ZSYSTEM","$TEST" do find(k)
 ; $ZJOBEXAM writes ZSHOW "*" to a file and returns its full path
 set f=$zjobexam("zmisc1.dump") write $piece(f,"/",$length(f,"/")),$extract(f)="/",!
 open f:readonly use f read l1 use $p close f:delete write l1,!
 set g=$zjobexam() write $piece($piece(g,"/",$length(g,"/")),"_",1,3),"_",$piece(g,"_",5),! open g close g:delete
 quit
find(k) new i set i="" for  set i=$order(z("I",i)) quit:i=""  if $piece(z("I",i),"=")=k write z("I",i),!
 quit
sub write $zposition,! quit
baddir set $zdirectory="/nonexistent/dir" quit
