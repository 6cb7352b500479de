gvset3 ; SET with indirection in $PIECE/$EXTRACT targets, evaluation order
 set x="^S(1)"
 set $piece(@x,"-",3)="c" write ^S(1),!
 set $extract(@x,1)="A" write ^S(1),!
 set g="^S" set $piece(@g@(2),",",2)="two" zwrite ^S(2)
 set i=1,^S(i,i+1)=$increment(i) write i,! zwrite ^S(1,*)
 set ^T(1)=1,^T(2)=2,(^T(3),^T(1))=^T(1)+^T(2) zwrite ^T
 set ^U="abc",^U=^U_^U write ^U,!
 set $piece(^U,"b",2,3)="-" write ^U,!
 set $extract(^V,3)="x" write "[",^V,"]",$length(^V),!
